-- End-to-end encrypted rooms: the gateway keeps and forwards only ciphertext there.
ALTER TABLE room ADD COLUMN encrypted BOOLEAN DEFAULT FALSE NOT NULL;

-- A sealed message: format version, key id, IV and ciphertext (base64url), and no text.
ALTER TABLE message ADD COLUMN v INTEGER;
ALTER TABLE message ADD COLUMN kid VARCHAR(32);
ALTER TABLE message ADD COLUMN iv VARCHAR(32);
ALTER TABLE message ADD COLUMN ciphertext VARCHAR(600000);
ALTER TABLE outbox ADD COLUMN v INTEGER;
ALTER TABLE outbox ADD COLUMN kid VARCHAR(32);
ALTER TABLE outbox ADD COLUMN iv VARCHAR(32);
ALTER TABLE outbox ADD COLUMN ciphertext VARCHAR(600000);
