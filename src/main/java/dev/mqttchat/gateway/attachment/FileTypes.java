package dev.mqttchat.gateway.attachment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The files a room takes ({@code chat.attachments.file-types}): any ({@code *}), none (an
 * empty list or {@code none}), or those with one of the extensions or media types listed
 * ({@code pdf}, {@code text/plain}, {@code text/*}).
 */
final class FileTypes {

	/**
	 * What a file's type is when it was sent as none, or as something that is no type.
	 */
	static final String UNKNOWN = "application/octet-stream";

	private static final Pattern MEDIA_TYPE = Pattern
		.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");

	private final List<String> entries;

	FileTypes(List<String> entries) {
		this.entries = entries.stream()
			.map((entry) -> entry.strip().toLowerCase(Locale.ROOT))
			.map((entry) -> entry.startsWith(".") ? entry.substring(1) : entry)
			.filter((entry) -> !entry.isEmpty() && !entry.equals("none"))
			.toList();
	}

	/** Whether any file is taken at all. */
	boolean any() {
		return !this.entries.isEmpty();
	}

	/** Whether a file called {@code name}, sent as {@code mediaType}, is taken. */
	boolean accepts(String name, String mediaType) {
		String extension = FileNames.extension(name);
		for (String entry : this.entries) {
			boolean matches = entry.equals("*") || entry.equals(mediaType)
					|| (entry.endsWith("/*") && mediaType.startsWith(entry.substring(0, entry.length() - 1)))
					|| (!entry.contains("/") && entry.equals(extension));
			if (matches) {
				return true;
			}
		}
		return false;
	}

	/** The list as people read it. */
	String text() {
		return String.join(", ", this.entries);
	}

	/** The media type a file was sent as, without parameters, or {@link #UNKNOWN}. */
	static String mediaTypeOf(@Nullable String sent) {
		if (sent == null) {
			return UNKNOWN;
		}
		int parameters = sent.indexOf(';');
		String type = ((parameters < 0) ? sent : sent.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
		return MEDIA_TYPE.matcher(type).matches() ? type : UNKNOWN;
	}

}
