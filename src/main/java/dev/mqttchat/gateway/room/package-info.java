/** Rooms: random unguessable ids, the registry of issued rooms and their REST API. */
@NullMarked
package dev.mqttchat.gateway.room;

import org.jspecify.annotations.NullMarked;
