-- Moderation: a moderator's delete is marked, a mute entry says until when, and mutes
-- hold in the database for every instance.
ALTER TABLE message ADD COLUMN moderated BOOLEAN;
ALTER TABLE message ADD COLUMN until_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN moderated BOOLEAN;
ALTER TABLE outbox ADD COLUMN until_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN proof VARCHAR(64);

CREATE TABLE room_mutes (
    room_id  VARCHAR(64)              NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    username VARCHAR(128)             NOT NULL,
    until_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, username)
);
