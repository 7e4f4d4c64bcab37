-- Incoming webhooks (POST /api/rooms/{id}/webhooks): a room's secret URLs /hooks/{token} that post as a bot. The
-- token is stored only as its SHA-256 (256 random bits, so no slow hash is needed); deleting the room deletes them.
CREATE TABLE webhook (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    room_id    VARCHAR(64)              NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    name       VARCHAR(128),
    token_hash VARCHAR(64)              NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX webhook_room ON webhook (room_id);

-- A message a webhook posted, as a gateway vouched for it.
ALTER TABLE message ADD COLUMN bot BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE outbox ADD COLUMN bot BOOLEAN DEFAULT FALSE NOT NULL;
