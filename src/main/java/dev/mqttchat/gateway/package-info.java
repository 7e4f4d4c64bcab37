/** The chat gateway application and its settings. */
@NullMarked
package dev.mqttchat.gateway;

import org.jspecify.annotations.NullMarked;
