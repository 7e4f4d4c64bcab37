package dev.mqttchat.gateway.webhook;

/**
 * A webhook as {@code POST /api/rooms/{id}/webhooks} returns it, with its secret URL
 * shown this once.
 *
 * @param id its id, for revoking it
 * @param url the absolute URL to post to: {@code .../hooks/{token}}
 */
record CreatedWebhookResponse(String id, String url) {
}
