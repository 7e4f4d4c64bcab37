/**
 * Pictures sent in rooms: uploaded, checked from their bytes, stored in the database so
 * that every instance serves them, and served only under their room's id.
 */
@NullMarked
package dev.mqttchat.gateway.attachment;

import org.jspecify.annotations.NullMarked;
