-- An edited message names the edit its text is from, so that readers can open and verify its current text on their own
-- (the edit's clientMsgId and signature, not the message's, cover that text).
ALTER TABLE message ADD COLUMN last_edit VARCHAR(64);
UPDATE message SET last_edit = (SELECT e.id FROM message e WHERE e.room_id = message.room_id AND e.type = 'edit'
    AND e.target = message.id AND e.seq = (SELECT MAX(f.seq) FROM message f WHERE f.room_id = message.room_id
    AND f.type = 'edit' AND f.target = message.id))
    WHERE edited_at IS NOT NULL AND deleted = FALSE;
