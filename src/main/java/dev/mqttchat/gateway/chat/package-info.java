/**
 * Chat messages: their shape and rules, the STOMP send endpoint, and delivery to a room's
 * subscribers.
 */
@NullMarked
package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.NullMarked;
