package dev.mqttchat.gateway;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pictures and files sent in rooms ({@code chat.attachments.*}).
 *
 * @param maxSize the largest picture one upload may be
 * @param types the picture types accepted, by name: {@code png}, {@code jpeg},
 * {@code gif}, {@code webp}; the type is read from the bytes, never from the request
 * @param maxPerMessage the most pictures one message may carry
 * @param uploadsPerMinute uploads one client address may make per minute
 * @param unclaimedFor an uploaded picture no message carries by then is removed
 * @param maxPixels the most pixels (width times height, as its header declares them, an
 * animated GIF's largest frame included) a picture may have: a small file can declare a
 * huge picture, which every viewer's browser would then decode into memory (4 bytes a
 * pixel)
 * @param fileTypes the files (anything that is not a picture) accepted, served only as
 * downloads: {@code *} for any, otherwise extensions ({@code pdf}, {@code .txt}) and
 * media types as sent ({@code application/pdf}, {@code text/*}); an empty list or
 * {@code none} takes pictures only
 * @param maxFileSize the largest file one upload may be
 */
public record AttachmentSettings(@DefaultValue("5MB") DataSize maxSize, @DefaultValue( {
		"png", "jpeg", "gif", "webp" }) @NotEmpty List<String> types,
		@DefaultValue("4") @Min(1) @Max(20) int maxPerMessage, @DefaultValue("30") @Min(1) int uploadsPerMinute,
		@DefaultValue("1h") Duration unclaimedFor, @DefaultValue("40000000") @Min(1) long maxPixels,
		@DefaultValue("*") List<String> fileTypes, @DefaultValue("10MB") DataSize maxFileSize){

	/** The size limit as people read it: "5 MB", "512 KB". */
	public String maxSizeText() {
		return text(this.maxSize);
	}

	/** The file size limit as people read it: "10 MB". */
	public String maxFileSizeText() {
		return text(this.maxFileSize);
	}

	/** The larger of the two limits: what one upload may be at most. */
	public long maxUploadBytes() {
		return Math.max(this.maxSize.toBytes(), this.maxFileSize.toBytes());
	}

	private static String text(DataSize size) {
		long bytes = size.toBytes();
		return (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) ? size.toMegabytes() + " MB"
				: (bytes >= 1024) ? size.toKilobytes() + " KB" : bytes + " bytes";
	}

}
