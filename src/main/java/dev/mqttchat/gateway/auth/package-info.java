/**
 * Who someone is: open access under a typed name, or sign-in through an OpenID Connect
 * provider on every path (page, REST, STOMP).
 */
@NullMarked
package dev.mqttchat.gateway.auth;

import org.jspecify.annotations.NullMarked;
