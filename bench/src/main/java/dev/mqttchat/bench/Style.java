package dev.mqttchat.bench;

/**
 * How a room maps to an MQTT topic and to what subscribers subscribe to, for each kind of system under test.
 */
enum Style {

	/** This gateway: rooms are issued by {@code POST /api/rooms}; STOMP {@code /topic/rooms/{id}}. */
	GATEWAY("gateway"),

	/** RabbitMQ: MQTT {@code chat/rooms/x} is routed to STOMP {@code /topic/chat.rooms.x} through amq.topic. */
	RABBIT("rabbit"),

	/** Mosquitto's own MQTT-over-WebSocket listener with MQTT subscribers: the physical reference. */
	MOSQUITTO_WS("mosquitto-ws");

	private final String label;

	Style(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	static Style of(String label) {
		for (Style style : values()) {
			if (style.label.equalsIgnoreCase(label)) {
				return style;
			}
		}
		throw new IllegalArgumentException("--style must be gateway, rabbit or mosquitto-ws, not " + label);
	}

	/** The MQTT topic of room {@code id}. */
	String topic(String id) {
		return "chat/rooms/" + id;
	}

	/** What a subscriber of room {@code id} subscribes to: a STOMP destination, or an MQTT topic filter. */
	String subscription(String id) {
		return switch (this) {
			case GATEWAY -> "/topic/rooms/" + id;
			case RABBIT -> "/topic/chat.rooms." + id;
			case MOSQUITTO_WS -> topic(id);
		};
	}

	/** Whether subscribers speak STOMP (otherwise MQTT) over the WebSocket. */
	boolean stomp() {
		return this != MOSQUITTO_WS;
	}

}
