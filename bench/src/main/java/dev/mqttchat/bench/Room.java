package dev.mqttchat.bench;

/**
 * One chat room of a workload.
 *
 * @param index position among the workload's rooms
 * @param id the room id
 * @param topic MQTT topic publishers publish to
 * @param subscription STOMP destination or MQTT topic subscribers subscribe to
 */
record Room(int index, String id, String topic, String subscription) {
}
