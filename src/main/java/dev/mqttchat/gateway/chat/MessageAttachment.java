package dev.mqttchat.gateway.chat;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A picture a message carries, as stored by the gateway: its bytes are served at
 * {@code url}, to whoever has the room.
 *
 * @param id the picture's id, random
 * @param url where the gateway serves it, relative to the gateway's origin
 * @param contentType the type read from its bytes: {@code image/png}, {@code image/jpeg},
 * {@code image/gif} or {@code image/webp}; in an end-to-end encrypted room
 * {@code application/octet-stream}, the picture encrypted
 * @param size its size in bytes
 * @param width its width in pixels, 0 where the gateway cannot know it
 * @param height its height in pixels, 0 where the gateway cannot know it
 */
public record MessageAttachment(String id, String url, String contentType, long size, int width, int height) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

	/**
	 * Whether {@code id} can be a picture's id: 1-64 characters of {@code [A-Za-z0-9]}.
	 */
	public static boolean isValidId(@Nullable String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** Where the picture {@code id} of room {@code roomId} is served. */
	public static String urlOf(String roomId, String id) {
		return "/api/rooms/" + roomId + "/attachments/" + id;
	}

}
