package dev.mqttchat.gateway.testsupport;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Real pictures made by the JDK's image writers, for upload tests. */
public final class TestPictures {

	private TestPictures() {
	}

	/**
	 * A picture of {@code width} by {@code height} pixels in {@code format} (png, jpg,
	 * gif).
	 */
	public static byte[] of(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, new Color((x * 40) % 256, (y * 40) % 256, 128).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalArgumentException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A PNG of {@code width} by {@code height} pixels. */
	public static byte[] png(int width, int height) {
		return of("png", width, height);
	}

}
