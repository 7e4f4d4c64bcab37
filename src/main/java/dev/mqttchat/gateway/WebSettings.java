package dev.mqttchat.gateway;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The browser-facing side.
 *
 * @param allowedOrigins origins allowed to open the WebSocket besides the page's own
 * @param heartbeat STOMP heart-beat interval the server offers and expects
 * @param maxFrameSize largest STOMP frame or WebSocket message a client may send
 * @param connectTimeout a WebSocket that has not sent CONNECT by then is closed
 * @param sendRate messages per second one STOMP session may send on average
 * @param sendBurst messages one STOMP session may send at once before the rate applies
 * @param sendTimeLimit a WebSocket whose client has not taken a frame for this long is
 * closed (the page reconnects and catches up)
 * @param sendBufferLimit frames buffered for one slow WebSocket before it is closed
 * @param sendRatePerAddress messages per second all STOMP sessions from one client
 * address may send together on average (so many sessions do not multiply
 * {@code sendRate}); their burst is {@code sendBurst} scaled by the same ratio
 * @param maxSocketsPerAddress WebSockets one client address may hold open at once; the
 * handshake of one more is answered 429
 * @param maxPartialFramesMemory bytes that the frames clients have begun and not finished
 * may hold together, across all sessions; the session whose frame would go over it is
 * closed (1013)
 * @param destinationCache STOMP destinations whose subscribers the broker keeps looked up
 * (a room uses up to five: messages, presence, typing, read markers, activity); a message
 * to one not kept scans every subscription of every session, so this should stay above
 * five times the rooms in use at once
 * @param maxRequestBody largest request body an HTTP API takes (JSON, forms); a larger
 * one is answered 413 before it is read (uploads have their own limits)
 */
public record WebSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("10s") Duration heartbeat,
		@DefaultValue("64KB") DataSize maxFrameSize, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("5") @Min(1) int sendRate, @DefaultValue("20") @Min(1) int sendBurst,
		@DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("512KB") DataSize sendBufferLimit,
		@DefaultValue("20") @Min(1) int sendRatePerAddress, @DefaultValue("50") @Min(1) int maxSocketsPerAddress,
		@DefaultValue("32MB") DataSize maxPartialFramesMemory, @DefaultValue("65536") @Min(1024) int destinationCache,
		@DefaultValue("256KB") DataSize maxRequestBody) {
}
