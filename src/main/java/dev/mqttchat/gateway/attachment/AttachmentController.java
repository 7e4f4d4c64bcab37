package dev.mqttchat.gateway.attachment;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.mqttchat.gateway.AddressAllowance;
import dev.mqttchat.gateway.AttachmentSettings;
import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomIds;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/rooms/{id}/attachments} takes a picture (multipart field {@code file})
 * whose type is read from its bytes, or in an end-to-end encrypted room an encrypted one;
 * {@code GET} serves it back, as a picture (or opaque bytes) and nothing else, to whoever
 * has the room.
 */
@RestController
@Tag(name = "Pictures")
class AttachmentController {

	private final AttachmentRepository repository;

	/** The type of an encrypted picture: the gateway cannot tell what it holds. */
	static final String SEALED_TYPE = "application/octet-stream";

	/** What encryption adds to a picture: its 12-byte IV and 16-byte tag. */
	static final int SEALED_OVERHEAD = 28;

	/**
	 * A picture opened on its own runs nothing and loads nothing, whatever its bytes
	 * hold.
	 */
	static final String PICTURE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
			+ "sandbox; frame-ancestors 'none'";

	private final RoomIds ids = new RoomIds(22);

	private final Set<ImageType> accepted;

	private final AttachmentSettings settings;

	private final AddressAllowance uploads;

	AttachmentController(AttachmentRepository repository, ChatProperties properties) {
		this.repository = repository;
		this.settings = properties.attachments();
		this.uploads = new AddressAllowance(this.settings.uploadsPerMinute());
		this.accepted = this.settings.types()
			.stream()
			.map(ImageType::named)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ImageType.class)));
	}

	@PostMapping(path = "/api/rooms/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a picture for a message of the room",
			description = "PNG, JPEG, GIF or WebP, told from the bytes; 201 with its id and url, which a SEND's "
					+ "attachments then names. In an end-to-end encrypted room: the picture encrypted by the client, "
					+ "kept as application/octet-stream.")
	ResponseEntity<MessageAttachment> upload(Room room, @RequestParam("file") MultipartFile file,
			HttpServletRequest http) throws IOException {
		long wait = this.uploads.secondsToWait(http.getRemoteAddr());
		if (wait > 0) {
			ErrorResponseException tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many pictures",
					"Too many pictures from this address; at most " + this.settings.uploadsPerMinute()
							+ " a minute. Try again in " + wait + " s.");
			tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
			throw tooMany;
		}
		long overhead = room.encrypted() ? SEALED_OVERHEAD : 0;
		if (file.getSize() > this.settings.maxSize().toBytes() + overhead) {
			throw problem(HttpStatus.CONTENT_TOO_LARGE, "Picture too large",
					"The picture has " + file.getSize() + " bytes; the limit is " + this.settings.maxSizeText()
							+ ((overhead > 0) ? " and 28 bytes" : "") + ".");
		}
		byte[] bytes = file.getBytes();
		String id = this.ids.next();
		MessageAttachment attachment = room.encrypted() ? sealed(room, id, bytes) : picture(room, id, bytes);
		this.repository.insert(room.id(), id, attachment.contentType(), attachment.width(), attachment.height(), bytes);
		return ResponseEntity.created(URI.create(attachment.url())).body(attachment);
	}

	private MessageAttachment picture(Room room, String id, byte[] bytes) {
		ImageSniffer.Sniffed image = ImageSniffer.sniff(bytes);
		if (image == null || !this.accepted.contains(image.type())) {
			throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a picture this room takes",
					"Only " + names() + " pictures are accepted, and this file is none of them: its type is read from "
							+ "its bytes, whatever its name or the type it was sent as.");
		}
		long pixels = (long) image.width() * image.height();
		if (pixels > this.settings.maxPixels()) {
			// Read from the header: the file may be small, but each viewer would decode
			// it
			// whole, at 4 bytes a pixel.
			throw problem(HttpStatus.CONTENT_TOO_LARGE, "Picture too large in pixels",
					String.format(Locale.ROOT,
							"The picture declares %d x %d pixels (%,d); the limit is %,d pixels. Send it smaller.",
							image.width(), image.height(), pixels, this.settings.maxPixels()));
		}
		return new MessageAttachment(id, MessageAttachment.urlOf(room.id(), id), image.type().contentType(),
				bytes.length, image.width(), image.height());
	}

	/**
	 * An encrypted picture: opaque to the gateway, so neither its type nor its size in
	 * pixels is known here; the sealed message that carries it says both.
	 */
	private static MessageAttachment sealed(Room room, String id, byte[] bytes) {
		if (bytes.length <= SEALED_OVERHEAD) {
			throw problem(HttpStatus.BAD_REQUEST, "Not an encrypted picture",
					"This room is end-to-end encrypted: a picture is uploaded encrypted, its 12-byte IV followed by "
							+ "the AES-GCM ciphertext and tag, more than 28 bytes in all; this file has " + bytes.length
							+ ".");
		}
		return new MessageAttachment(id, MessageAttachment.urlOf(room.id(), id), SEALED_TYPE, bytes.length, 0, 0);
	}

	@GetMapping("/api/rooms/{id}/attachments/{attachmentId}")
	@Operation(summary = "A picture of the room",
			description = "Served with its own type, nosniff, inline and a " + "sandboxing Content-Security-Policy.")
	ResponseEntity<byte[]> picture(Room room, @PathVariable String attachmentId, HttpServletResponse http) {
		AttachmentRepository.Content content = this.repository.content(room.id(), attachmentId)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No such picture",
					"This room has no picture " + attachmentId + " (it may have been deleted with its message)."));
		ImageType type = ImageType.ofContentType(content.contentType());
		// Set here, on whatever path spelling reached this handler, replacing the page's
		// policy (a ResponseEntity header would be added beside it).
		http.setHeader("Content-Security-Policy", PICTURE_POLICY);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					((type != null) ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename("picture-" + attachmentId + "." + ((type != null) ? type.extension() : "bin"))
						.build()
						.toString())
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.body(content.bytes());
	}

	private String names() {
		List<String> names = this.accepted.stream().map((type) -> type.name()).toList();
		return String.join(", ", names);
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
