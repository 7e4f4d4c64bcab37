/**
 * Pictures and files sent in rooms: uploaded, checked (a picture from its bytes), stored
 * in the database so that every instance serves them, and served only under their room's
 * id, a file only as a download.
 */
@NullMarked
package dev.mqttchat.gateway.attachment;

import org.jspecify.annotations.NullMarked;
