package dev.mqttchat.gateway.attachment;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.mqttchat.gateway.AddressAllowance;
import dev.mqttchat.gateway.AttachmentSettings;
import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomIds;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * whose type is read from its bytes, any other file the settings allow, or in an
 * end-to-end encrypted room either encrypted; {@code GET} serves it back to whoever has
 * the room: a picture as a picture, anything else only as a download.
 */
@RestController
@Tag(name = "Pictures and files")
class AttachmentController {

	private final AttachmentRepository repository;

	/**
	 * The type of an encrypted picture or file: the gateway cannot tell what it holds.
	 */
	static final String SEALED_TYPE = "application/octet-stream";

	/** What encryption adds to a picture: its 12-byte IV and 16-byte tag. */
	static final int SEALED_OVERHEAD = 28;

	/**
	 * A picture opened on its own runs nothing and loads nothing, whatever its bytes
	 * hold.
	 */
	static final String PICTURE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
			+ "sandbox; frame-ancestors 'none'";

	/** A file never runs or loads anything either, even if a browser opened it. */
	static final String FILE_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

	private final RoomIds ids = new RoomIds(22);

	private final AttachmentSettings settings;

	private final AddressAllowance uploads;

	private final UploadInspector inspector;

	AttachmentController(AttachmentRepository repository, ChatProperties properties) {
		this.repository = repository;
		this.settings = properties.attachments();
		this.uploads = new AddressAllowance(this.settings.uploadsPerMinute());
		this.inspector = new UploadInspector(this.settings);
	}

	@PostMapping(path = "/api/rooms/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a picture or a file for a message of the room",
			description = "A PNG, JPEG, GIF or WebP picture, told from the bytes, or any other file "
					+ "chat.attachments.file-types allows (kept with its name, made safe, and served only as a "
					+ "download); 201 with its id and url, which a SEND's attachments then names. In an end-to-end "
					+ "encrypted room: the picture or file encrypted by the client, kept as application/octet-stream "
					+ "without a name.")
	ResponseEntity<MessageAttachment> upload(Room room, @RequestParam("file") MultipartFile file,
			HttpServletRequest http) throws IOException {
		long wait = this.uploads.secondsToWait(http.getRemoteAddr());
		if (wait > 0) {
			ErrorResponseException tooMany = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many pictures",
					"Too many pictures from this address; at most " + this.settings.uploadsPerMinute()
							+ " a minute. Try again in " + wait + " s.");
			tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
			throw tooMany;
		}
		long overhead = room.encrypted() ? SEALED_OVERHEAD : 0;
		if (file.getSize() > this.settings.maxUploadBytes() + overhead) {
			throw this.inspector.tooLarge(file.getSize(), overhead);
		}
		byte[] bytes = file.getBytes();
		String id = this.ids.next();
		MessageAttachment attachment = room.encrypted() ? UploadInspector.sealed(room, id, bytes)
				: this.inspector.plain(room, id, bytes, file);
		this.repository.insert(room.id(), attachment, bytes);
		return ResponseEntity.created(URI.create(attachment.url())).body(attachment);
	}

	@GetMapping("/api/rooms/{id}/attachments/{attachmentId}")
	@Operation(summary = "A picture or file of the room",
			description = "A picture served with its own type, nosniff, inline and a sandboxing "
					+ "Content-Security-Policy; a file only as a download: application/octet-stream, attachment "
					+ "with its name, nosniff and a sandboxing Content-Security-Policy.")
	ResponseEntity<byte[]> picture(Room room, @PathVariable String attachmentId, HttpServletResponse http) {
		AttachmentRepository.Content content = this.repository.content(room.id(), attachmentId)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No such picture",
					"This room has no picture " + attachmentId + " (it may have been deleted with its message)."));
		if (content.name() != null) {
			return download(content, http);
		}
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

	/** A file: whatever its bytes or the type it was sent as, only ever saved. */
	private static ResponseEntity<byte[]> download(AttachmentRepository.Content content, HttpServletResponse http) {
		http.setHeader("Content-Security-Policy", FILE_POLICY);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(content.name()))
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.body(content.bytes());
	}

}
