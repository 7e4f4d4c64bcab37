package dev.mqttchat.gateway.attachment;

import org.jspecify.annotations.Nullable;

/** The picture types a room accepts, as their bytes identify them. */
enum ImageType {

	PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

	private final String contentType;

	private final String extension;

	ImageType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	/**
	 * The type named {@code name} in the settings ({@code png}, {@code jpeg}, ...), if
	 * any.
	 */
	static @Nullable ImageType named(String name) {
		for (ImageType type : values()) {
			if (type.name().equalsIgnoreCase(name.strip()) || ("jpg".equalsIgnoreCase(name.strip()) && type == JPEG)) {
				return type;
			}
		}
		return null;
	}

	/** The type whose content type is {@code contentType}, if any. */
	static @Nullable ImageType ofContentType(String contentType) {
		for (ImageType type : values()) {
			if (type.contentType.equals(contentType)) {
				return type;
			}
		}
		return null;
	}

}
