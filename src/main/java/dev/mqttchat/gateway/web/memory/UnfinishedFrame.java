package dev.mqttchat.gateway.web.memory;

import java.nio.ByteBuffer;

/**
 * Follows one session's STOMP stream as Spring's decoder reads it, to tell how many bytes
 * of a begun, unfinished frame the decoder holds: from a frame's first command byte to
 * its NUL, the NUL coming after {@code content-length} body bytes when the frame gives
 * that header. End-of-line heart-beats between frames are held by nothing.
 */
final class UnfinishedFrame {

	private static final String CONTENT_LENGTH = "content-length:";

	private enum State {

		BETWEEN, HEAD, BODY

	}

	private State state = State.BETWEEN;

	private long held;

	/** Characters of the current header line, excluding a CR. */
	private int lineLength;

	/** The current header line while it may still be a content-length header. */
	private final StringBuilder line = new StringBuilder();

	/** Body bytes still to come, or -1 when the body runs to the NUL. */
	private long bodyLeft = -1;

	private long contentLength = -1;

	/** Bytes held for the unfinished frame. */
	long held() {
		return this.held;
	}

	/** Whether the session has ended: nothing it still sends is held. */
	private boolean ended;

	/** Forgets the frame and all that follows, as a closed session's decoder does. */
	void end() {
		this.ended = true;
		this.held = 0;
	}

	void feed(CharSequence text) {
		if (this.ended) {
			return;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// As UTF-8, which is what the decoder holds and content-length counts.
			next(c, (c < 0x80) ? 1 : (c < 0x800 || Character.isSurrogate(c)) ? 2 : 3);
		}
	}

	void feed(ByteBuffer bytes) {
		if (this.ended) {
			return;
		}
		for (int i = bytes.position(); i < bytes.limit(); i++) {
			next((char) (bytes.get(i) & 0xFF), 1);
		}
	}

	private void next(char c, int bytes) {
		switch (this.state) {
			case BETWEEN -> {
				if (c != '\n' && c != '\r') {
					this.state = State.HEAD;
					this.held = 0;
					this.contentLength = -1;
					startLine();
					head(c, bytes);
				}
			}
			case HEAD -> head(c, bytes);
			case BODY -> body(c, bytes);
		}
	}

	private void head(char c, int bytes) {
		this.held += bytes;
		if (c == '\r') {
			return;
		}
		if (c != '\n') {
			this.lineLength++;
			if (this.line.length() < 40) {
				this.line.append(c);
			}
			return;
		}
		if (this.lineLength == 0) {
			this.state = State.BODY;
			this.bodyLeft = this.contentLength;
			return;
		}
		if (this.contentLength < 0 && this.lineLength < 40 && this.line.toString().startsWith(CONTENT_LENGTH)) {
			// The first content-length header counts, as for the decoder.
			this.contentLength = parse(this.line.substring(CONTENT_LENGTH.length()));
		}
		startLine();
	}

	private void body(char c, int bytes) {
		if (this.bodyLeft > 0) {
			this.held += bytes;
			this.bodyLeft -= bytes;
			return;
		}
		if (c == '\0') {
			this.state = State.BETWEEN;
			this.held = 0;
			return;
		}
		// Past content-length without a NUL the decoder fails the session; until then
		// all of it counts.
		this.held += bytes;
	}

	private void startLine() {
		this.lineLength = 0;
		this.line.setLength(0);
	}

	private static long parse(String value) {
		try {
			return Math.max(0, Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
