package dev.mqttchat.gateway.search;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message that matches a search.
 *
 * @param id the message's id
 * @param seq its place in the room's history, for {@code GET .../messages?around=}
 * @param username who sent it, if it says
 * @param sentAt when it was sent
 * @param snippet its text around the first match, matches in Markdown bold
 */
record SearchHit(String id, long seq, @Nullable String username, Instant sentAt, String snippet) {

}
