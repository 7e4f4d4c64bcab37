package dev.mqttchat.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/** A STOMP 1.2 subscriber of one room: CONNECT, then SUBSCRIBE once CONNECTED, then MESSAGE frames. */
final class StompSubscriber extends Subscriber {

	private static final String[] SUBPROTOCOLS = { "v12.stomp", "v11.stomp", "v10.stomp" };

	private final String login;

	private final String username;

	private StringBuilder partial;

	StompSubscriber(Room room, Group group, boolean stallable, String login, String username) {
		super(room, group, stallable);
		this.login = login;
		this.username = username;
	}

	@Override
	String[] subprotocols() {
		return SUBPROTOCOLS;
	}

	@Override
	void start() {
		StringBuilder frame = new StringBuilder("CONNECT\naccept-version:1.2\nhost:/\nheart-beat:0,0\n");
		if (this.login != null && this.login.contains(":")) {
			int colon = this.login.indexOf(':');
			frame.append("login:").append(this.login, 0, colon).append('\n');
			frame.append("passcode:").append(this.login.substring(colon + 1)).append('\n');
		}
		if (this.username != null) {
			frame.append("username:").append(this.username).append('\n');
		}
		send(frame.append("\n\0").toString());
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long now = System.nanoTime();
		if (!last || this.partial != null) {
			// Large frames may arrive in fragments; they are rare here, so only they pay for a copy.
			if (this.partial == null) {
				this.partial = new StringBuilder();
			}
			this.partial.append(data);
			if (!last) {
				demand(webSocket);
				return null;
			}
			data = this.partial;
			this.partial = null;
		}
		frames(now, data);
		demand(webSocket);
		return null;
	}

	private void frames(long now, CharSequence data) {
		int start = 0;
		int length = data.length();
		while (start < length) {
			// Heart-beats and the line ends some servers put between frames are skipped.
			while (start < length && (data.charAt(start) == '\n' || data.charAt(start) == '\r')) {
				start++;
			}
			if (start >= length) {
				return;
			}
			int end = start;
			while (end < length && data.charAt(end) != '\0') {
				end++;
			}
			frame(now, data, start, end);
			start = end + 1;
		}
	}

	private void frame(long now, CharSequence data, int start, int end) {
		if (startsWith(data, start, "MESSAGE\n")) {
			message(now, (start == 0 && end == data.length()) ? data : data.subSequence(start, end));
		}
		else if (startsWith(data, start, "CONNECTED")) {
			send("SUBSCRIBE\nid:0\ndestination:" + room().subscription() + "\nack:auto\n\n\0");
			if (this.username != null) {
				// The roster, then every join and leave: what a page showing the room receives.
				send("SUBSCRIBE\nid:1\ndestination:" + room().subscription() + "/presence\nack:auto\n\n\0");
			}
			this.subscribed.complete(null);
		}
		else if (startsWith(data, start, "ERROR")) {
			failed("STOMP ERROR: " + data.subSequence(start, Math.min(end, start + 300)).toString().replace('\n', ' '));
		}
	}

	private static boolean startsWith(CharSequence data, int at, String prefix) {
		if (data.length() - at < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (data.charAt(at + i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
