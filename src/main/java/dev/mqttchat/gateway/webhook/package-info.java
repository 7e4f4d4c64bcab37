/** Incoming webhooks: a room's secret URLs that post messages to it as a bot. */
@NullMarked
package dev.mqttchat.gateway.webhook;

import org.jspecify.annotations.NullMarked;
