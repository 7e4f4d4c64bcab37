-- A reaction entry says only what it changed: whether it added its emoji or took it back. It no longer keeps a copy of
-- its target's whole reactions, which made each entry (and each delivery of it) grow with the reactions before it.
ALTER TABLE message ADD COLUMN added BOOLEAN;
-- Earlier entries: added if the reaction they made is still there. An entry whose reaction was taken back later
-- reads as taken back, which leaves a reader that applies every entry with the same reactions at the end.
UPDATE message SET added = EXISTS (SELECT 1 FROM reaction r WHERE r.room_id = message.room_id
    AND r.message_id = message.target AND r.seq = message.seq) WHERE type = 'reaction';
-- The copies are no longer read or written (the column stays for instances of the previous version that run on
-- during an upgrade).
UPDATE message SET reactions = NULL WHERE reactions IS NOT NULL;
-- A signed reactor is its author key with its name, so that what an entry takes back is always its own name's
-- reaction: one key reacting under two names has two reactions, as the page shows them.
UPDATE reaction SET reactor = reactor || '/' || username WHERE reactor LIKE 'key:%';
