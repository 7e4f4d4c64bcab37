-- A message may answer another message of its room: the id it replies to, kept as given.
ALTER TABLE message ADD COLUMN reply_to VARCHAR(64);
ALTER TABLE outbox ADD COLUMN reply_to VARCHAR(64);
