-- Pictures uploaded to a room, in the database so that every instance serves them. A picture belongs to the message
-- that carries it once that message is stored, and goes with it (or with its room).
CREATE TABLE attachment (
    room_id      VARCHAR(64)              NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    id           VARCHAR(64)              NOT NULL,
    message_id   VARCHAR(64),
    content_type VARCHAR(32)              NOT NULL,
    byte_size    BIGINT                   NOT NULL,
    width        INTEGER                  NOT NULL,
    height       INTEGER                  NOT NULL,
    content      BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, id),
    FOREIGN KEY (room_id, message_id) REFERENCES message (room_id, id) ON DELETE CASCADE
);

CREATE INDEX attachment_unclaimed ON attachment (created_at);

-- A message's pictures as the store resolved them (id, url, type, size, width, height), as JSON.
ALTER TABLE message ADD COLUMN attachments VARCHAR(20000);
ALTER TABLE outbox ADD COLUMN attachments VARCHAR(20000);
