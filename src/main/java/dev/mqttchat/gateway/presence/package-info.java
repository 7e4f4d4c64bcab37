/**
 * Who is in a room, who is typing and how far each reader has read, across gateway
 * instances and plain MQTT clients; never stored as messages.
 */
@NullMarked
package dev.mqttchat.gateway.presence;

import org.jspecify.annotations.NullMarked;
