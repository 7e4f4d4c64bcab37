package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * A message as browsers receive it, live and from history: the chat message plus its
 * place in the room. Its JSON also says whether its name may imitate another
 * ({@code lookalike}, {@code nameSkeleton}).
 *
 * @param id unique per message, the same live and in history
 * @param roomId the room it was said in
 * @param username who said it, if known
 * @param clientId the sender's client id, if it gave one
 * @param text what was said
 * @param sentAt when it was sent
 * @param source {@code web} or {@code mqtt}
 * @param seq its sequence number in the room: 1, 2, 3, ... in the order every reader sees
 * @param replyTo the id of the message of the same room this one answers, if any
 * @param attachments the pictures it carries, if any
 * @param envelope its type, target and signature
 * @param state where it stands after the actions on it
 * @param bot whether an incoming webhook posted it, as a gateway vouched; in the JSON
 * only when true
 * @param threadId the id of the root of the thread it replies in, if it is a reply
 * @param thread on a thread's root read from history, how many replies it has
 */
public record StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String text, Instant sentAt, MessageSource source, long seq,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String replyTo,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<MessageAttachment> attachments,
		@JsonUnwrapped MessageEnvelope envelope, @JsonUnwrapped MessageState state,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean bot,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String threadId, @JsonUnwrapped ThreadReplies thread) {

	/** A stored message no webhook posted, in no thread. */
	public StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, long seq, @Nullable String replyTo,
			List<MessageAttachment> attachments, MessageEnvelope envelope, MessageState state) {
		this(id, roomId, username, clientId, text, sentAt, source, seq, replyTo, attachments, envelope, state, false,
				null, ThreadReplies.NONE);
	}

	/** A stored message in no thread. */
	public StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, long seq, @Nullable String replyTo,
			List<MessageAttachment> attachments, MessageEnvelope envelope, MessageState state, boolean bot) {
		this(id, roomId, username, clientId, text, sentAt, source, seq, replyTo, attachments, envelope, state, bot,
				null, ThreadReplies.NONE);
	}

	/** A stored message no webhook posted. */
	public StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, long seq, @Nullable String replyTo,
			List<MessageAttachment> attachments, MessageEnvelope envelope, MessageState state,
			@Nullable String threadId, ThreadReplies thread) {
		this(id, roomId, username, clientId, text, sentAt, source, seq, replyTo, attachments, envelope, state, false,
				threadId, thread);
	}

	/** A stored message that answers none. */
	public StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, long seq) {
		this(id, roomId, username, clientId, text, sentAt, source, seq, null);
	}

	/** A plain stored message nobody signed or acted on. */
	public StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, long seq, @Nullable String replyTo) {
		this(id, roomId, username, clientId, text, sentAt, source, seq, replyTo, List.of(), MessageEnvelope.PLAIN,
				MessageState.untouched(seq));
	}

	/**
	 * The stored form of {@code message} at {@code seq}, sent at {@code sentAt} as the
	 * store keeps it.
	 */
	public static StoredMessage of(ChatMessage message, long seq, Instant sentAt) {
		return of(message, seq, sentAt,
				MessageState.untouched(message.envelope().isAction() ? null : Long.valueOf(seq)));
	}

	/** As {@link #of(ChatMessage, long, Instant)}, in {@code state}. */
	public static StoredMessage of(ChatMessage message, long seq, Instant sentAt, MessageState state) {
		return new StoredMessage(message.id(), message.roomId(), message.username(), message.clientId(), message.text(),
				sentAt, message.source(), seq, message.replyTo(), message.attachments(), message.envelope(), state,
				message.bot(), message.threadId(), ThreadReplies.NONE);
	}

	/** This message carrying {@code attachments}, as the store resolved them. */
	public StoredMessage withAttachments(List<MessageAttachment> attachments) {
		return new StoredMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt,
				this.source, this.seq, this.replyTo, attachments, this.envelope, this.state, this.bot, this.threadId,
				this.thread);
	}

	/** This message in {@code state}. */
	public StoredMessage withState(MessageState state) {
		return new StoredMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt,
				this.source, this.seq, this.replyTo, this.attachments, this.envelope, state, this.bot, this.threadId,
				this.thread);
	}

	/** This message with {@code thread} as its replies. */
	public StoredMessage withThread(ThreadReplies thread) {
		return new StoredMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt,
				this.source, this.seq, this.replyTo, this.attachments, this.envelope, this.state, this.bot,
				this.threadId, thread);
	}

	/**
	 * Whether its name mixes scripts as imitations do ({@code аdа} with Cyrillic a's for
	 * {@code ada}): a page marks it. In the JSON only when true.
	 */
	@JsonProperty("lookalike")
	@JsonInclude(JsonInclude.Include.NON_DEFAULT)
	public boolean lookalike() {
		return LookalikeNames.mixesScripts(this.username);
	}

	/**
	 * Its name's confusable skeleton (UTS #39) when not the name itself: a page marks a
	 * name whose skeleton is that of another name it saw in the room.
	 */
	@JsonProperty("nameSkeleton")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public @Nullable String nameSkeleton() {
		return LookalikeNames.skeleton(this.username);
	}

	/** This entry as the chat message it was. */
	public ChatMessage message() {
		return new ChatMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt, this.source,
				this.replyTo, List.of(), this.envelope, this.bot, this.threadId);
	}

}
