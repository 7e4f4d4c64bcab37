/**
 * The MQTT side, and the only package that knows MQTT: topics, payload formats, Paho, and
 * one Spring Integration flow per subscription.
 */
@NullMarked
package dev.mqttchat.gateway.bridge;

import org.jspecify.annotations.NullMarked;
