-- Web Push (RFC 8030/8291/8292). The gateway's VAPID key pair, made by the first instance that starts and shared by
-- all of them (a second row for the same name is refused by the key, so two instances starting together agree).
CREATE TABLE push_vapid_key (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    public_key  VARCHAR(100) NOT NULL,
    private_key VARCHAR(100) NOT NULL
);

-- A browser's push subscription. Its id (random, the capability for PUT and DELETE) is kept only as its SHA-256, as
-- webhook tokens are. One row per endpoint: registering an endpoint again replaces its row. showing_room is the room
-- the device's page shows until showing_until (no pushes for that room meanwhile).
CREATE TABLE push_subscription (
    id_hash       VARCHAR(64)              NOT NULL PRIMARY KEY,
    endpoint      VARCHAR(2048)            NOT NULL UNIQUE,
    p256dh        VARCHAR(100)             NOT NULL,
    auth          VARCHAR(40)              NOT NULL,
    username      VARCHAR(128)             NOT NULL,
    address       VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    showing_room  VARCHAR(64),
    showing_until TIMESTAMP WITH TIME ZONE
);

CREATE INDEX push_subscription_address ON push_subscription (address);

-- The rooms a subscription is notified of, and of what: 'all' or 'mentions'. Deleting the room deletes the row.
CREATE TABLE push_room (
    subscription VARCHAR(64) NOT NULL REFERENCES push_subscription (id_hash) ON DELETE CASCADE,
    room_id      VARCHAR(64) NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    notify       VARCHAR(16) NOT NULL,
    PRIMARY KEY (subscription, room_id)
);

CREATE INDEX push_room_by_room ON push_room (room_id);
