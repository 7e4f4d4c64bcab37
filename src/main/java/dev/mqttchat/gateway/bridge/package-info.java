/** The MQTT side: broker connection, embedded broker, and the inbound and outbound Spring Integration flows. */
@NullMarked
package dev.mqttchat.gateway.bridge;

import org.jspecify.annotations.NullMarked;
