/**
 * The browser side: STOMP over WebSocket configuration, destination rules and the chat
 * page.
 */
@NullMarked
package dev.mqttchat.gateway.web;

import org.jspecify.annotations.NullMarked;
