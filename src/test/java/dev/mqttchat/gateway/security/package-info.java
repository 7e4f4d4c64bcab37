/** One test class per threat, each sending real hostile input over the real protocol. */
@NullMarked
package dev.mqttchat.gateway.security;

import org.jspecify.annotations.NullMarked;
