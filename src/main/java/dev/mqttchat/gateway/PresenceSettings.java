package dev.mqttchat.gateway;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is in a room, who types and how far each has read: the limits on what one STOMP
 * session may signal ({@code chat.presence.*}).
 *
 * @param typingRate typing signals per second one session may send on average
 * @param typingBurst typing signals one session may send at once
 * @param readRate read markers per second one session may send on average
 * @param readBurst read markers one session may send at once
 * @param resyncGrace after the gateway's presence subscription is made again (a broker
 * restart or a lost connection), entries the broker does not confirm within this time are
 * dropped as gone
 */
public record PresenceSettings(@DefaultValue("1") @Min(1) int typingRate, @DefaultValue("3") @Min(1) int typingBurst,
		@DefaultValue("2") @Min(1) int readRate, @DefaultValue("5") @Min(1) int readBurst,
		@DefaultValue("3s") Duration resyncGrace) {
}
