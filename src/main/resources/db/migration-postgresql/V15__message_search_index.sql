-- Search (GET /api/rooms/{id}/search) on PostgreSQL: full-text search of messages' current text. The 'simple'
-- configuration only lower-cases words, with no stemming and no stop words, so every language is found as written; the
-- queries use the same expression and condition, so the planner can use this index.
CREATE INDEX message_text_search ON message USING GIN (to_tsvector('simple', text)) WHERE type = 'message';
