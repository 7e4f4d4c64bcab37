package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;

/**
 * What a STOMP client finds on its {@code /user/queue/errors} queue when a SEND was
 * refused.
 *
 * @param code stable machine-readable reason
 * @param message readable explanation
 * @param roomId the room the SEND was for, if known
 * @param clientMsgId the {@code clientMsgId} of the refused SEND, if it carried one
 */
public record ChatError(String code, String message, @Nullable String roomId, @Nullable String clientMsgId) {
}
