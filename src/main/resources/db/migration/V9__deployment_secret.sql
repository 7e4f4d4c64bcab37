-- A random secret made by the first instance of a deployment and shared by all of them through this table: the
-- gateway's MQTT client ids and its embedded broker's password are derived from it, so nobody on the broker can
-- compute them from public facts (the topic prefix, an instance's host name) and take a gateway session over.
CREATE TABLE deployment_secret (
    name   VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret VARCHAR(100) NOT NULL
);
