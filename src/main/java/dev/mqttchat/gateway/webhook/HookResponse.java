package dev.mqttchat.gateway.webhook;

/**
 * The answer to a post on a webhook's URL: Slack's clients look only at the status.
 *
 * @param ok always {@code true}
 * @param id the id of the message posted; it shows in the room once stored
 */
record HookResponse(boolean ok, String id) {
}
