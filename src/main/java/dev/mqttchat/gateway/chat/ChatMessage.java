package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;

/**
 * One chat message, the same JSON on the STOMP side and on the MQTT topic.
 * <p>
 * The server never needs to understand {@code text}: it may be ciphertext.
 *
 * @param id unique per message; clients de-duplicate by it
 * @param roomId the room it was said in
 * @param username who said it; {@code null} for plain MQTT text without one
 * @param clientId the sender's client id, if it gave one
 * @param text what was said
 * @param sentAt when the gateway (or the MQTT sender) stamped it
 * @param source {@code web} or {@code mqtt}
 * @param replyTo the id of the message of the same room this one answers, if any
 * @param attachments the pictures it carries, if any
 * @param envelope its type, target and signature, in the same JSON object
 * @param bot whether a gateway posted it for an incoming webhook ({@link BotProof}
 * vouches for it on the way to the store); in the JSON only when true
 * @param threadId the id of the root of the thread a reply belongs to: derived from
 * {@code replyTo} by the gateway ({@link #inThreadOf}), never signed
 */
public record ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String text, Instant sentAt, MessageSource source,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String replyTo,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<MessageAttachment> attachments,
		@JsonUnwrapped MessageEnvelope envelope, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean bot,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String threadId) {

	/** A message no webhook posted, in no thread or whose thread is not known yet. */
	public ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, @Nullable String replyTo, List<MessageAttachment> attachments,
			MessageEnvelope envelope) {
		this(id, roomId, username, clientId, text, sentAt, source, replyTo, attachments, envelope, false, null);
	}

	/** A message in no thread, or whose thread is not known yet. */
	public ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, @Nullable String replyTo, List<MessageAttachment> attachments,
			MessageEnvelope envelope, boolean bot) {
		this(id, roomId, username, clientId, text, sentAt, source, replyTo, attachments, envelope, bot, null);
	}

	/** A message no webhook posted. */
	public ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, @Nullable String replyTo, List<MessageAttachment> attachments,
			MessageEnvelope envelope, @Nullable String threadId) {
		this(id, roomId, username, clientId, text, sentAt, source, replyTo, attachments, envelope, false, threadId);
	}

	/** A message without pictures. */
	public ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, @Nullable String replyTo, MessageEnvelope envelope) {
		this(id, roomId, username, clientId, text, sentAt, source, replyTo, List.of(), envelope);
	}

	/** A message that answers none. */
	public ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source) {
		this(id, roomId, username, clientId, text, sentAt, source, null);
	}

	/** A plain message nobody signed. */
	public ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, @Nullable String replyTo) {
		this(id, roomId, username, clientId, text, sentAt, source, replyTo, MessageEnvelope.PLAIN);
	}

	/** This message with {@code envelope} instead. */
	public ChatMessage withEnvelope(MessageEnvelope envelope) {
		return new ChatMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt, this.source,
				this.replyTo, this.attachments, envelope, this.bot, this.threadId);
	}

	/** This message carrying {@code attachments} instead. */
	public ChatMessage withAttachments(List<MessageAttachment> attachments) {
		return new ChatMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt, this.source,
				this.replyTo, attachments, this.envelope, this.bot, this.threadId);
	}

	/** This message with its {@code bot} mark set to {@code bot}. */
	public ChatMessage withBot(boolean bot) {
		return new ChatMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt, this.source,
				this.replyTo, this.attachments, this.envelope, bot, this.threadId);
	}

	/** This message in thread {@code threadId} ({@code null}: in none). */
	public ChatMessage withThreadId(@Nullable String threadId) {
		return new ChatMessage(this.id, this.roomId, this.username, this.clientId, this.text, this.sentAt, this.source,
				this.replyTo, this.attachments, this.envelope, this.bot, threadId);
	}

	/**
	 * The thread a reply to {@code parentId} joins: the parent's own thread if it is a
	 * reply itself, else the thread the parent starts. Threads are one level deep.
	 * @param parentId the id of the message replied to
	 * @param parentThreadId that message's {@code threadId}, if it has one
	 */
	public static String inThreadOf(String parentId, @Nullable String parentThreadId) {
		return (parentThreadId != null) ? parentThreadId : parentId;
	}

	private static final Pattern CLIENT_ID = Pattern.compile("\\P{Cc}{1,64}");

	/**
	 * A new message id: random, so ids from different instances and clients never
	 * collide.
	 */
	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * The id of the message a sender gave {@code clientMsgId}: the same for every repeat
	 * of that SEND, on any instance, so the store keeps it once.
	 */
	public static String idFor(String roomId, String username, String clientMsgId) {
		String key = "chat-message\n" + roomId + "\n" + username + "\n" + clientMsgId;
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * The id of the entry an author key signed with {@code clientMsgId}: a replay of it,
	 * under any name or from any client, is the same entry and is stored once.
	 */
	public static String idForAuthor(String roomId, String author, String clientMsgId) {
		String key = "chat-entry\n" + roomId + "\n" + author + "\n" + clientMsgId;
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Whether {@code clientId} is 1-64 characters of valid Unicode without control
	 * characters.
	 */
	public static boolean isValidClientId(@Nullable String clientId) {
		return clientId != null && CLIENT_ID.matcher(clientId).matches() && UnicodeText.isWellFormed(clientId);
	}

}
