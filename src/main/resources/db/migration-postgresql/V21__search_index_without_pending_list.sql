-- The search index takes each new message at once instead of in GIN's pending list. With the list (fastupdate, the
-- default), the insert that finds it over gin_pending_list_limit (4 MB) merges it into the index inside the storing
-- transaction: at 2,000 messages a second to one room that stalled storing for 50 to 400 ms several times a second, and
-- one busy room sustained half the rate (bench/results: W2 1,682 vs 3,364 msg/s). Each insert now costs a little more,
-- evenly. Entries already pending are merged by the next vacuum.
ALTER INDEX message_text_search SET (fastupdate = off);
