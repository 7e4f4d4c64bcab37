-- Rooms and their messages; written to run unchanged on H2 and PostgreSQL.
CREATE TABLE room (
    id               VARCHAR(64)              NOT NULL PRIMARY KEY,
    name             VARCHAR(256),
    topic            VARCHAR(512)             NOT NULL,
    visibility       VARCHAR(16)              NOT NULL,
    owner_token_hash VARCHAR(64)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq         BIGINT                   NOT NULL DEFAULT 0
);

CREATE INDEX room_public_newest ON room (visibility, created_at);

CREATE TABLE message (
    room_id   VARCHAR(64)              NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    seq       BIGINT                   NOT NULL,
    id        VARCHAR(64)              NOT NULL,
    username  VARCHAR(128),
    client_id VARCHAR(256),
    text      VARCHAR(400000)          NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    source    VARCHAR(8)               NOT NULL,
    stored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, seq),
    CONSTRAINT message_id_once UNIQUE (room_id, id)
);

CREATE INDEX message_stored_at ON message (stored_at);
