package dev.mqttchat.gateway.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.TestPictures;

import static org.assertj.core.api.Assertions.assertThat;

/** Types and sizes told from the bytes, whatever a file claims to be. */
class ImageSnifferTests {

	@Test
	void picturesFromTheJdksWritersAreToldWithTheirSize() {
		assertThat(ImageSniffer.sniff(TestPictures.of("png", 7, 3)))
			.isEqualTo(new ImageSniffer.Sniffed(ImageType.PNG, 7, 3));
		assertThat(ImageSniffer.sniff(TestPictures.of("jpg", 33, 12)))
			.isEqualTo(new ImageSniffer.Sniffed(ImageType.JPEG, 33, 12));
		assertThat(ImageSniffer.sniff(TestPictures.of("gif", 5, 9)))
			.isEqualTo(new ImageSniffer.Sniffed(ImageType.GIF, 5, 9));
	}

	@Test
	void webPHeadersOfEachKindAreRead() {
		byte[] extended = riff("VP8X", 30);
		// Canvas width and height minus one, 24 bits little-endian each.
		extended[24] = (byte) 199;
		extended[27] = (byte) 99;
		assertThat(ImageSniffer.sniff(extended)).isEqualTo(new ImageSniffer.Sniffed(ImageType.WEBP, 200, 100));
		byte[] lossless = riff("VP8L", 25);
		lossless[20] = 0x2f;
		// 14 bits of width - 1 (= 9), then 14 bits of height - 1 (= 4).
		int bits = 9 | (4 << 14);
		lossless[21] = (byte) bits;
		lossless[22] = (byte) (bits >>> 8);
		lossless[23] = (byte) (bits >>> 16);
		assertThat(ImageSniffer.sniff(lossless)).isEqualTo(new ImageSniffer.Sniffed(ImageType.WEBP, 10, 5));
		byte[] lossy = riff("VP8 ", 30);
		lossy[23] = (byte) 0x9d;
		lossy[24] = 0x01;
		lossy[25] = 0x2a;
		lossy[26] = 64;
		lossy[28] = 48;
		assertThat(ImageSniffer.sniff(lossy)).isEqualTo(new ImageSniffer.Sniffed(ImageType.WEBP, 64, 48));
	}

	@Test
	void aGifIsAsLargeAsItsLargestFrame() {
		// A 2 x 2 screen with a 4-color table, a graphic control extension, then a frame
		// of 300 x 7 at (10, 1).
		byte[] gif = { 'G', 'I', 'F', '8', '9', 'a', 2, 0, 2, 0, (byte) 0x81, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
				0x21, (byte) 0xf9, 4, 0, 0, 0, 0, 0, 0x2c, 10, 0, 1, 0, 44, 1, 7, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b };

		assertThat(ImageSniffer.sniff(gif)).isEqualTo(new ImageSniffer.Sniffed(ImageType.GIF, 310, 8));
	}

	@Test
	void anythingElseIsNoPicture() {
		assertThat(ImageSniffer.sniff("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		assertThat(ImageSniffer.sniff(new byte[0])).isNull();
		byte[] png = TestPictures.png(4, 4);
		assertThat(ImageSniffer.sniff(Arrays.copyOf(png, 12))).as("a PNG cut before its header").isNull();
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
		assertThat(ImageSniffer.sniff(svg)).isNull();
		assertThat(ImageSniffer.sniff(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2 }))
			.as("a JPEG without a frame header")
			.isNull();
	}

	private static byte[] riff(String chunk, int length) {
		byte[] bytes = new byte[length];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
		System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
		System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, bytes, 12, 4);
		return bytes;
	}

}
