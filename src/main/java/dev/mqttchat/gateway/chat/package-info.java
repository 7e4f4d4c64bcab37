/** Chat messages: their JSON shape, validation, parsing of MQTT payloads, and the STOMP send endpoint. */
@NullMarked
package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.NullMarked;
