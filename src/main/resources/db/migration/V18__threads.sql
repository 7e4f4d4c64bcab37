-- A reply names the root of its thread (derived from reply_to when stored), so that a thread and its reply count are
-- read over one index.
ALTER TABLE message ADD COLUMN thread_id VARCHAR(64);
ALTER TABLE outbox ADD COLUMN thread_id VARCHAR(64);
CREATE INDEX message_thread ON message (room_id, thread_id, seq);
