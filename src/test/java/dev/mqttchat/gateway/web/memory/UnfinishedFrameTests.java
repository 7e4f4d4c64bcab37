package dev.mqttchat.gateway.web.memory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of a begun frame, as Spring's STOMP decoder holds them.
 */
class UnfinishedFrameTests {

	@Test
	void heartBeatsBetweenFramesHoldNothing() {
		UnfinishedFrame frame = new UnfinishedFrame();

		frame.feed("\n\r\n\n");

		assertThat(frame.held()).isZero();
	}

	@Test
	void frameIsHeldUntilItsNul() {
		UnfinishedFrame frame = new UnfinishedFrame();

		frame.feed("SEND\ndestination:/app/rooms/x\n\n{\"text\":\"h\u00e9\"}");
		long held = frame.held();
		frame.feed("\u0000\n");

		assertThat(held).as("bytes of the unfinished frame, the é as two").isEqualTo(45);
		assertThat(frame.held()).isZero();
	}

	@Test
	void nulInsideAContentLengthBodyDoesNotEndTheFrame() {
		UnfinishedFrame frame = new UnfinishedFrame();

		frame.feed("SEND\ncontent-length:1000\n\n");
		frame.feed("\u0000".repeat(500));

		assertThat(frame.held()).as("head of 26 bytes and 500 body bytes").isEqualTo(526);
		frame.feed("\u0000".repeat(500));
		frame.feed("\u0000");
		assertThat(frame.held()).isZero();
	}

	@Test
	void bytesAreFollowedAsText() {
		UnfinishedFrame frame = new UnfinishedFrame();

		frame.feed(ByteBuffer.wrap("CONNECT\r\nhost:x\r\n\r\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(frame.held()).isEqualTo(19);
		frame.feed(ByteBuffer.wrap(new byte[] { 0, 'S' }));
		assertThat(frame.held()).as("the next frame's first byte").isEqualTo(1);
	}

	@Test
	void endedFrameHoldsNothingMore() {
		UnfinishedFrame frame = new UnfinishedFrame();
		frame.feed("SEND\nx:" + "a".repeat(100));

		frame.end();
		frame.feed("SEND\nx:" + "a".repeat(100));

		assertThat(frame.held()).isZero();
	}

}
