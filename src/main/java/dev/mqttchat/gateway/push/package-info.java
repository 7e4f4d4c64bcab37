/** Web Push: notifications of new messages to devices whose page is closed. */
@NullMarked
package dev.mqttchat.gateway.push;

import org.jspecify.annotations.NullMarked;
