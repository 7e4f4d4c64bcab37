/**
 * What each WebSocket connection holds, kept small so that thousands of idle chat
 * sessions cost little memory.
 */
@NullMarked
package dev.mqttchat.gateway.web.memory;

import org.jspecify.annotations.NullMarked;
