/**
 * Message history: storage with per-room sequence numbers, the history API, and
 * retention.
 */
@NullMarked
package dev.mqttchat.gateway.history;

import org.jspecify.annotations.NullMarked;
