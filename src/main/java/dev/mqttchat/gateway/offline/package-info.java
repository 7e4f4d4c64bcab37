/**
 * The installable, offline-capable page: its app shell and the service worker that keeps
 * it.
 */
@NullMarked
package dev.mqttchat.gateway.offline;

import org.jspecify.annotations.NullMarked;
