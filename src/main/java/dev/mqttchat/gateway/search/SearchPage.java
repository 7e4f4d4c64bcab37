package dev.mqttchat.gateway.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search's hits, newest first.
 *
 * @param hits the matching messages
 * @param next the value of {@code next} that asks for the following page, {@code null}
 * when there is none
 */
record SearchPage(List<SearchHit> hits, @Nullable Long next) {

}
