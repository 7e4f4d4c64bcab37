/** A room's members and their roles: who may open a members room and who moderates. */
@NullMarked
package dev.mqttchat.gateway.member;

import org.jspecify.annotations.NullMarked;
