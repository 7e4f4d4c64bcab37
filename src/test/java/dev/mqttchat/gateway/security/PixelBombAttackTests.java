package dev.mqttchat.gateway.security;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.TestPictures;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pixel bombs: a small file whose header declares a huge picture, which each viewer's
 * browser would decode whole, is refused by its declared pixels, whatever its type.
 */
@GatewayUnderAttack
class PixelBombAttackTests {

	private static final int HUGE = 20_000;

	@LocalServerPort
	int port;

	@Test
	void aPngDeclaringTwentyThousandPixelsSquareIsRefused() {
		byte[] png = TestPictures.png(4, 4);
		ByteBuffer.wrap(png).putInt(16, HUGE).putInt(20, HUGE);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());

		assertRefused(upload(png, MediaType.IMAGE_PNG), "PNG");
	}

	@Test
	void aJpegGifOrWebPDeclaringTwentyThousandPixelsSquareIsRefused() {
		byte[] jpeg = TestPictures.of("jpg", 4, 4);
		int frame = indexOf(jpeg, new byte[] { (byte) 0xff, (byte) 0xc0 });
		ByteBuffer.wrap(jpeg).putShort(frame + 5, (short) HUGE).putShort(frame + 7, (short) HUGE);
		byte[] gif = TestPictures.of("gif", 4, 4);
		ByteBuffer.wrap(gif).order(ByteOrder.LITTLE_ENDIAN).putShort(6, (short) HUGE).putShort(8, (short) HUGE);
		ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
		webp.put(ascii("RIFF")).putInt(22).put(ascii("WEBPVP8X")).putInt(10).putInt(0);
		webp.putShort((short) (HUGE - 1)).put((byte) 0).putShort((short) (HUGE - 1)).put((byte) 0);

		assertRefused(upload(jpeg, MediaType.IMAGE_JPEG), "JPEG");
		assertRefused(upload(gif, MediaType.IMAGE_GIF), "GIF");
		assertRefused(upload(webp.array(), MediaType.parseMediaType("image/webp")), "WebP's extended canvas");
	}

	@Test
	void aGifHidingAHugeFrameBehindASmallScreenIsRefused() {
		ByteBuffer gif = ByteBuffer.allocate(27).order(ByteOrder.LITTLE_ENDIAN);
		// A 4 x 4 logical screen without a color table, then one 20000 x 20000 frame.
		gif.put(ascii("GIF89a")).putShort((short) 4).putShort((short) 4).put(new byte[3]);
		gif.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) HUGE).putShort((short) HUGE);
		gif.put((byte) 0).put((byte) 2).put((byte) 0).put((byte) 0x3b);

		assertRefused(upload(gif.array(), MediaType.IMAGE_GIF), "GIF frame");
	}

	@Test
	void anOrdinaryPictureIsStillTaken() {
		ResponseEntity<Map<String, Object>> created = upload(TestPictures.png(640, 480), MediaType.IMAGE_PNG);

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getBody()).containsEntry("width", 640).containsEntry("height", 480);
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, String kind) {
		assertThat(response.getStatusCode().value()).as("%s declaring %d x %d", kind, HUGE, HUGE).isEqualTo(413);
		assertThat(response.getBody()).containsEntry("title", "Picture too large in pixels");
		assertThat((String) response.getBody().get("detail")).contains("20000 x 20000")
			.contains("400,000,000")
			.contains("the limit is 40,000,000 pixels");
	}

	private ResponseEntity<Map<String, Object>> upload(byte[] bytes, MediaType type) {
		TestRoom room = TestRooms.create(this.port);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(bytes)).filename("bomb").contentType(type);
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/rooms/{id}/attachments", room.id())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build())
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(response.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() {
				})));
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = 0; i + part.length <= bytes.length; i++) {
			if (bytes[i] == part[0] && bytes[i + 1] == part[1]) {
				return i;
			}
		}
		throw new IllegalArgumentException("No frame header");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
