package dev.mqttchat.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-room MQTT credentials the gateway hands out ({@code POST
 * /api/rooms/{id}/mqtt-credentials}).
 *
 * @param ttl how long a credential lets its client connect
 */
public record MqttCredentialSettings(@DefaultValue("24h") Duration ttl) {
}
