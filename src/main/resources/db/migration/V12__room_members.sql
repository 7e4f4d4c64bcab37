-- Rooms open to listed members only, and who belongs to a room in which role.
ALTER TABLE room ADD COLUMN access VARCHAR(16) DEFAULT 'link' NOT NULL;

CREATE TABLE room_members (
    room_id  VARCHAR(64)              NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    username VARCHAR(128)             NOT NULL,
    role     VARCHAR(16)              NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, username)
);

CREATE INDEX room_members_by_username ON room_members (username, added_at);
