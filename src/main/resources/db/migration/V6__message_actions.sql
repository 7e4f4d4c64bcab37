-- Edits, deletes and reactions are entries of the room's stream like messages; a message row keeps its current state.
ALTER TABLE message ADD COLUMN type VARCHAR(16) DEFAULT 'message' NOT NULL;
ALTER TABLE message ADD COLUMN target VARCHAR(64);
ALTER TABLE message ADD COLUMN emoji VARCHAR(128);
ALTER TABLE message ADD COLUMN client_msg_id VARCHAR(64);
ALTER TABLE message ADD COLUMN author VARCHAR(64);
ALTER TABLE message ADD COLUMN sig VARCHAR(128);
ALTER TABLE message ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN deleted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE message ADD COLUMN state_seq BIGINT;
-- A reaction entry keeps its target's reactions as they were right after it, as JSON.
ALTER TABLE message ADD COLUMN reactions VARCHAR(100000);

-- Who reacts to a message with what now: one row per reactor (an author key, or a name without one) and emoji.
CREATE TABLE reaction (
    room_id    VARCHAR(64)  NOT NULL,
    message_id VARCHAR(64)  NOT NULL,
    emoji      VARCHAR(128) NOT NULL,
    reactor    VARCHAR(160) NOT NULL,
    username   VARCHAR(128) NOT NULL,
    seq        BIGINT       NOT NULL,
    PRIMARY KEY (room_id, message_id, emoji, reactor),
    FOREIGN KEY (room_id, message_id) REFERENCES message (room_id, id) ON DELETE CASCADE
);

ALTER TABLE outbox ADD COLUMN type VARCHAR(16) DEFAULT 'message' NOT NULL;
ALTER TABLE outbox ADD COLUMN target VARCHAR(64);
ALTER TABLE outbox ADD COLUMN emoji VARCHAR(128);
ALTER TABLE outbox ADD COLUMN client_msg_id VARCHAR(64);
ALTER TABLE outbox ADD COLUMN author VARCHAR(64);
ALTER TABLE outbox ADD COLUMN sig VARCHAR(128);
