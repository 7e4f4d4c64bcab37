// The "alice is typing…" line (#typing) above the message box, and the signal the reader's own typing sends.

import { TypingIndicator } from "./typing-indicator.js";
import { TypingSender } from "./typing-sender.js";

const $ = (id) => document.getElementById(id);

/** {@code me()}: the reader's username. {@code send()}: one typing signal to the open room, see TypingSender. */
export class TypingView {
  constructor({ me, send }) {
    this.me = me;
    this.line = $("typing");
    this.indicator = new TypingIndicator({
      onChange: (text) => {
        this.line.textContent = text;
      },
    });
    this.sender = new TypingSender({ send });
    $("message").addEventListener("input", (event) => this.sender.input(event.target.value));
  }

  /** A room opens (or none): nobody there is typing yet, and its people have not heard the reader type. */
  reset() {
    this.indicator.clear();
    this.sender.reset();
  }

  /** The connection dropped: nothing more arrives to keep the line true. */
  disconnected() {
    this.indicator.clear();
  }

  /** A frame of /topic/rooms/{id}/typing; the reader's own (from another tab of theirs) is no news. */
  frame(frame) {
    if (typeof frame.username === "string" && frame.username !== this.me()) {
      this.indicator.typing(frame.username);
    }
  }

  /** A live message: its sender has stopped typing it. */
  message(message) {
    if (typeof message.username === "string") {
      this.indicator.stopped(message.username);
    }
  }
}
