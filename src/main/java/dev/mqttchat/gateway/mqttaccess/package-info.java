/**
 * MQTT access one room at a time: per-room credentials, issued and revoked over REST and
 * kept in the database; the bridge makes the embedded broker enforce them.
 */
@NullMarked
package dev.mqttchat.gateway.mqttaccess;

import org.jspecify.annotations.NullMarked;
