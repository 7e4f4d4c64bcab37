package dev.mqttchat.gateway.attachment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A file's name as sent made safe to show and to offer as a download's name: no folders,
 * no control or direction-changing characters, none a file system reserves, and not too
 * long. It is never used as a path: the bytes stay under their random id.
 */
final class FileNames {

	/**
	 * The longest name kept, in characters; a longer one keeps its end (the extension).
	 */
	static final int MAX_LENGTH = 120;

	/** What a file without a usable name is called. */
	static final String UNNAMED = "file";

	private static final Pattern RESERVED = Pattern.compile("[<>:\"/\\\\|?*]");

	private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

	private FileNames() {
	}

	/** The name {@code sent} as the gateway keeps it; never empty. */
	static String of(@Nullable String sent) {
		if (sent == null) {
			return UNNAMED;
		}
		// Browsers send the name alone, but a client may send a path of either kind.
		String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder kept = new StringBuilder(name.length());
		name.codePoints().filter(FileNames::isShown).forEach(kept::appendCodePoint);
		name = RESERVED.matcher(kept).replaceAll("_").replaceAll("\\s+", " ");
		// Leading dots hide a file or climb folders; trailing dots and spaces Windows
		// drops.
		name = name.replaceAll("^[\\s.]+|[\\s.]+$", "");
		if (DEVICE.matcher(name).matches()) {
			name = "_" + name;
		}
		name = shortened(name);
		return name.isEmpty() ? UNNAMED : name;
	}

	/** The extension of {@code name}, lower case, without its dot; "" if none. */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean isShown(int codePoint) {
		int type = Character.getType(codePoint);
		// Control characters, format characters (bidi overrides and isolates, zero
		// widths), line and paragraph separators, lone surrogates and private use.
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
				&& type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.PRIVATE_USE
				&& type != Character.UNASSIGNED;
	}

	private static String shortened(String name) {
		int length = name.codePointCount(0, name.length());
		if (length <= MAX_LENGTH) {
			return name;
		}
		String extension = extension(name);
		int keep = (extension.length() > 0 && extension.length() <= 16) ? extension.length() + 1 : 0;
		int headEnd = name.offsetByCodePoints(0, MAX_LENGTH - keep);
		return name.substring(0, headEnd).strip() + name.substring(name.offsetByCodePoints(0, length - keep));
	}

}
