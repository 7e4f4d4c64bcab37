/**
 * Searching a room's history: the search API, its queries on H2 and PostgreSQL, and the
 * marked snippets.
 */
@NullMarked
package dev.mqttchat.gateway.search;

import org.jspecify.annotations.NullMarked;
