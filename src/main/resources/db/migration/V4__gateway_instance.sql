-- The gateway instances running now: each renews its row while it runs, so the storing instance announces stored
-- messages on the live topics only while another instance is there to hear them.
CREATE TABLE gateway_instance (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    seen_until TIMESTAMP WITH TIME ZONE NOT NULL
);
