/** Real protocol clients for tests: STOMP over WebSocket and MQTT. */
@NullMarked
package dev.mqttchat.gateway.testsupport;

import org.jspecify.annotations.NullMarked;
