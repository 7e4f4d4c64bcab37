package dev.mqttchat.gateway.chat;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A picture or file a message carries, as stored by the gateway: its bytes are served at
 * {@code url}, to whoever has the room (a file only as a download).
 *
 * @param id the picture's id, random
 * @param url where the gateway serves it, relative to the gateway's origin
 * @param contentType the type read from its bytes: {@code image/png}, {@code image/jpeg},
 * {@code image/gif} or {@code image/webp}; in an end-to-end encrypted room
 * {@code application/octet-stream}, the picture or file encrypted; for a file the media
 * type it was sent as (a claim: it is always served as {@code application/octet-stream})
 * @param size its size in bytes
 * @param width its width in pixels, 0 where the gateway cannot know it
 * @param height its height in pixels, 0 where the gateway cannot know it
 * @param name a file's name, made safe; absent for a picture and in an end-to-end
 * encrypted room (the sealed text names it there)
 * @param kind {@code picture} or {@code file}; absent in an end-to-end encrypted room,
 * where the gateway cannot tell
 */
public record MessageAttachment(String id, String url, String contentType, long size, int width, int height,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String name,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String kind) {

	/** What a picture is. */
	public static final String PICTURE = "picture";

	/** What any other file is. */
	public static final String FILE = "file";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

	/**
	 * A picture, or opaque bytes: what the gateway described before it took files.
	 */
	public MessageAttachment(String id, String url, String contentType, long size, int width, int height) {
		this(id, url, contentType, size, width, height, null, null);
	}

	public MessageAttachment {
		// Messages stored before files were taken describe only pictures, without a kind.
		if (kind == null && name == null && contentType.startsWith("image/")) {
			kind = PICTURE;
		}
	}

	/**
	 * An attachment as the store row describes it: a file has a name, a picture its type
	 * read from the bytes.
	 */
	public static MessageAttachment stored(String roomId, String id, String contentType, long size, int width,
			int height, @Nullable String name) {
		return new MessageAttachment(id, urlOf(roomId, id), contentType, size, width, height, name,
				(name != null) ? FILE : null);
	}

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
