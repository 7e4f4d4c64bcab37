package dev.mqttchat.gateway.attachment;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.AttachmentSettings;
import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.room.Room;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Tells what an upload is and whether the room takes it: a picture (its type and size
 * read from its bytes), a file (named as sent, made safe), or bytes encrypted by the
 * client; anything else is refused with the reason.
 */
class UploadInspector {

	private final Set<ImageType> accepted;

	private final AttachmentSettings settings;

	private final FileTypes fileTypes;

	UploadInspector(AttachmentSettings settings) {
		this.settings = settings;
		this.fileTypes = new FileTypes(settings.fileTypes());
		this.accepted = settings.types()
			.stream()
			.map(ImageType::named)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ImageType.class)));
	}

	/**
	 * A picture if its bytes are one this room takes; otherwise a file, unless it claims
	 * to be a picture (by its type or name), which is refused as it always was.
	 */
	MessageAttachment plain(Room room, String id, byte[] bytes, MultipartFile file) {
		ImageSniffer.Sniffed image = ImageSniffer.sniff(bytes);
		String name = FileNames.of(file.getOriginalFilename());
		String mediaType = FileTypes.mediaTypeOf(file.getContentType());
		// Bytes that are a picture, or a file that says it is one, are judged as a
		// picture, exactly as before files were taken.
		boolean claimsPicture = ImageType.ofContentType(mediaType) != null
				|| ImageType.named(FileNames.extension(name)) != null;
		if (image != null || claimsPicture || !this.fileTypes.any()) {
			return picture(room, id, bytes, image);
		}
		if (!this.fileTypes.accepts(name, mediaType)) {
			throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a file this room takes",
					"Besides pictures, only files of these types are accepted (chat.attachments.file-types): "
							+ this.fileTypes.text() + "; " + name + " (" + mediaType + ") is none of them.");
		}
		if (bytes.length > this.settings.maxFileSize().toBytes()) {
			throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "File too large",
					"The file has " + bytes.length + " bytes; the limit is " + this.settings.maxFileSizeText() + ".");
		}
		return new MessageAttachment(id, MessageAttachment.urlOf(room.id(), id), mediaType, bytes.length, 0, 0, name,
				MessageAttachment.FILE);
	}

	private MessageAttachment picture(Room room, String id, byte[] bytes, ImageSniffer.@Nullable Sniffed image) {
		if (image == null || !this.accepted.contains(image.type())) {
			throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a picture this room takes",
					"Only " + names() + " pictures are accepted, and this file is none of them: its type is read from "
							+ "its bytes, whatever its name or the type it was sent as.");
		}
		if (bytes.length > this.settings.maxSize().toBytes()) {
			throw tooLarge(bytes.length, 0);
		}
		long pixels = (long) image.width() * image.height();
		if (pixels > this.settings.maxPixels()) {
			// Read from the header: the file may be small, but each viewer would
			// decode it whole, at 4 bytes a pixel.
			throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Picture too large in pixels",
					String.format(Locale.ROOT,
							"The picture declares %d x %d pixels (%,d); the limit is %,d pixels. Send it smaller.",
							image.width(), image.height(), pixels, this.settings.maxPixels()));
		}
		return new MessageAttachment(id, MessageAttachment.urlOf(room.id(), id), image.type().contentType(),
				bytes.length, image.width(), image.height());
	}

	/**
	 * An encrypted picture or file: opaque to the gateway, so neither its type, its name
	 * nor its size in pixels is known here; the sealed message that carries it says them.
	 */
	static MessageAttachment sealed(Room room, String id, byte[] bytes) {
		if (bytes.length <= AttachmentController.SEALED_OVERHEAD) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Not an encrypted picture",
					"This room is end-to-end encrypted: a picture or file is uploaded encrypted, its 12-byte IV "
							+ "followed by the AES-GCM ciphertext and tag, more than 28 bytes in all; this file has "
							+ bytes.length + ".");
		}
		return new MessageAttachment(id, MessageAttachment.urlOf(room.id(), id), AttachmentController.SEALED_TYPE,
				bytes.length, 0, 0);
	}

	ErrorResponseException tooLarge(long size, long overhead) {
		boolean files = this.fileTypes.any();
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, files ? "Upload too large" : "Picture too large",
				"The " + (files ? "upload" : "picture") + " has " + size + " bytes; the limit is "
						+ this.settings.maxSizeText() + " for a picture"
						+ (files ? " and " + this.settings.maxFileSizeText() + " for a file" : "")
						+ ((overhead > 0) ? ", and 28 bytes more encrypted" : "") + ".");
	}

	private String names() {
		List<String> names = this.accepted.stream().map((type) -> type.name()).toList();
		return String.join(", ", names);
	}

}
