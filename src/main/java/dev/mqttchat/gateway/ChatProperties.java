package dev.mqttchat.gateway;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the gateway, bound from {@code chat.*} properties or {@code CHAT_*}
 * environment variables.
 *
 * @param mqtt the broker connection and the embedded broker
 * @param rooms how rooms map to MQTT topics
 * @param messages limits on chat messages
 * @param web the browser-facing side
 * @param storage message history and its retention
 * @param instanceId this instance's stable identity: its MQTT client ids and its name in
 * announcements; unset derives it from the host name and the server port, so two
 * instances on one host differ and a restarted one is recognised
 * @param outbox browser messages kept while the broker cannot be reached
 * @param presence limits on presence, typing and read markers
 * @param attachments pictures sent in rooms
 * @param reactions limits on reactions to one message
 * @param auth who may use the gateway: open, or signed in through OpenID Connect
 * @param webhooks limits on incoming webhooks
 * @param push Web Push notifications to devices whose page is closed
 */
@ConfigurationProperties("chat")
@Validated
public record ChatProperties(@Valid @DefaultValue Mqtt mqtt, @Valid @DefaultValue Rooms rooms,
		@Valid @DefaultValue Messages messages, @Valid @DefaultValue @NestedConfigurationProperty WebSettings web,
		@Valid @DefaultValue Storage storage, @Nullable @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String instanceId,
		@Valid @DefaultValue Outbox outbox, @Valid @DefaultValue @NestedConfigurationProperty PresenceSettings presence,
		@Valid @DefaultValue @NestedConfigurationProperty AttachmentSettings attachments,
		@Valid @DefaultValue @NestedConfigurationProperty ReactionSettings reactions,
		@Valid @DefaultValue @NestedConfigurationProperty AuthSettings auth,
		@Valid @DefaultValue @NestedConfigurationProperty WebhookSettings webhooks,
		@Valid @DefaultValue @NestedConfigurationProperty PushSettings push) {

	/**
	 * Browser messages accepted while the broker cannot be reached, kept in the database
	 * until they are published and stored.
	 *
	 * @param maxMessages the most messages the outbox holds; further sends are refused
	 * with {@code broker-unavailable}
	 * @param confirmTimeout a published message not seen stored by then is published
	 * again (the store keeps it once)
	 */
	public record Outbox(@DefaultValue("10000") @Min(0) int maxMessages, @DefaultValue("5s") Duration confirmTimeout) {
	}

	/**
	 * Message history.
	 *
	 * @param sharedGroup MQTT shared-subscription group through which several gateway
	 * instances split the work of storing messages ({@code $share/{group}/...}); empty
	 * for a single instance or a broker without shared subscriptions
	 * @param maxMessagesPerRoom the newest messages a room keeps
	 * @param maxAge messages older than this are removed
	 * @param cleanupInterval how often retention is enforced
	 * @param leaseTime one instance at a time holds the storing session; another takes it
	 * over when the holder has not renewed its lease for this long
	 * @param batchSize the most messages stored in one transaction
	 * @param announce when stored messages are announced on the rooms' live topics:
	 * {@code auto} only while another gateway instance runs, {@code always} for MQTT
	 * clients that follow the live topics themselves
	 * @param giveUpAfter the storing instance gives the storing session up when its store
	 * link has been down this long, so that an instance that reaches the broker (another
	 * node of a cluster) takes it over
	 */
	public record Storage(@DefaultValue("") @Pattern(regexp = "[A-Za-z0-9_-]{0,40}") String sharedGroup,
			@DefaultValue("10000") @Min(1) int maxMessagesPerRoom, @DefaultValue("30d") Duration maxAge,
			@DefaultValue("10m") Duration cleanupInterval, @DefaultValue("5s") Duration leaseTime,
			@DefaultValue("500") @Min(1) @Max(10000) int batchSize, @DefaultValue("auto") Announce announce,
			@DefaultValue("30s") Duration giveUpAfter) {

		/** When stored messages are announced on the live topics. */
		public enum Announce {

			/** Only while another gateway instance runs: a single instance needs none. */
			AUTO,

			/** For every stored message. */
			ALWAYS

		}

	}

	/**
	 * The MQTT broker link.
	 *
	 * @param url broker URI such as {@code tcp://host:1883} or {@code ssl://host:8883},
	 * or a comma-separated list of one clustered broker's nodes (each client connects to
	 * the first that answers, and moves on when its node is lost); unset or blank starts
	 * the embedded broker
	 * @param embedded the in-process broker used when {@code url} is unset
	 * @param username broker user name, if the broker wants one
	 * @param password broker password; never logged
	 * @param clientIdPrefix prefix of the generated MQTT client ids
	 * @param ssl TLS settings for {@code ssl://} URLs
	 * @param connectTimeout how long one connection attempt may take
	 * @param maxReconnectDelay the longest wait between reconnect attempts (the wait
	 * doubles from one second)
	 * @param keepAlive MQTT keep-alive interval
	 * @param maxInflight QoS 1 publishes that may await the broker's acknowledgement at
	 * once
	 * @param maxPayloadSize MQTT payloads larger than this are dropped and counted
	 * @param credentials the per-room MQTT credentials the gateway hands out
	 * @param dynsec whether the gateway manages an external Mosquitto's dynamic-security
	 * plugin, so that it enforces the credentials
	 * @param storedTopic whether each stored entry is published on its room's
	 * {@code {topic}/stored} for MQTT clients; off saves a QoS 1 publication per message
	 * where no MQTT client reads it
	 */
	public record Mqtt(@Nullable String url, @Valid @DefaultValue @NestedConfigurationProperty EmbeddedBroker embedded,
			@Nullable String username, @Nullable String password,
			@DefaultValue("chat-gateway") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String clientIdPrefix,
			@Valid @DefaultValue Ssl ssl, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration maxReconnectDelay, @DefaultValue("30s") Duration keepAlive,
			@DefaultValue("1000") @Min(10) @Max(65535) int maxInflight, @DefaultValue("64KB") DataSize maxPayloadSize,
			@Valid @DefaultValue @NestedConfigurationProperty MqttCredentialSettings credentials,
			@DefaultValue("false") boolean dynsec, @DefaultValue("true") boolean storedTopic) {

		/**
		 * Whether the gateway runs its own broker because no external one is configured.
		 */
		public boolean useEmbedded() {
			return this.url == null || this.url.isBlank();
		}

		@Override
		public String toString() {
			// The password must never reach a log line, so the generated toString is not
			// used.
			return "Mqtt[url=" + this.url + ", embedded=" + this.embedded + ", username=" + this.username
					+ ", password=" + ((this.password != null) ? "******" : null) + ", clientIdPrefix="
					+ this.clientIdPrefix + ", ssl=" + this.ssl + "]";
		}

	}

	/**
	 * TLS towards the broker.
	 *
	 * @param bundle name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*})
	 * holding the trust store; unset uses the JVM's default trust store
	 */
	public record Ssl(@Nullable String bundle) {
	}

	/**
	 * Rooms and their topics.
	 *
	 * @param topicPrefix MQTT topic prefix; a room's topic is {@code {topicPrefix}/{id}}
	 * @param idLength number of random characters in a room id
	 * @param createPerMinute rooms one client address may create per minute
	 */
	public record Rooms(@DefaultValue("chat/rooms") @Pattern(
			regexp = "[^#+/\\u0000][^#+\\u0000]*[^#+/\\u0000]|[^#+/\\u0000]",
			message = "must be an MQTT topic without wildcards, NUL or a leading or trailing '/'") String topicPrefix,
			@DefaultValue("22") @Min(16) @Max(64) int idLength, @DefaultValue("10") @Min(1) int createPerMinute) {
	}

	/**
	 * Chat message limits.
	 *
	 * @param maxTextLength the most UTF-16 code units a message text may have (Java's
	 * {@code String.length()}, as JavaScript's): a character beyond U+FFFF, most emoji,
	 * takes two, so 4,000 such characters are 8,000 units
	 */
	public record Messages(@DefaultValue("4000") @Min(1) @Max(100000) int maxTextLength) {
	}

}
