package dev.mqttchat.gateway.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What a thread's root says of its replies in history, so that a page can show "3
 * replies" without loading the thread; absent from the JSON on everything else.
 *
 * @param replies how many replies the thread has
 * @param lastReplyAt when its newest reply was sent, if it has any
 */
public record ThreadReplies(@JsonInclude(JsonInclude.Include.NON_DEFAULT) int replies,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant lastReplyAt) {

	/** No replies, or not counted. */
	public static final ThreadReplies NONE = new ThreadReplies(0, null);

}
