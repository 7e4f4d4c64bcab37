-- Per-room MQTT credentials (POST /api/rooms/{id}/mqtt-credentials), kept here so that every instance's embedded
-- broker knows them. The password is stored only as its SHA-256 (it is 256 random bits, so no slow hash is needed);
-- deleting the room deletes its credentials.
CREATE TABLE mqtt_credential (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    room_id       VARCHAR(64)              NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    password_hash VARCHAR(64)              NOT NULL,
    owner         VARCHAR(128),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX mqtt_credential_room ON mqtt_credential (room_id);

CREATE INDEX mqtt_credential_expires ON mqtt_credential (expires_at);
