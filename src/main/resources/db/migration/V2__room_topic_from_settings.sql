-- A room's MQTT topic follows from chat.rooms.topic-prefix and its id; the bridge names it, nothing stores it.
ALTER TABLE room DROP COLUMN topic;
