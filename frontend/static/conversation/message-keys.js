// The message list as one Tab stop (a roving tabindex): one message is in the Tab order, Up/Down (Home/End) move
// between messages, Enter or Tab reaches the focused message's own buttons, Escape from them returns to the message.
// The buttons of the other messages stay out of the Tab order (not out of reach of screen readers).

const CONTROLS = "a[href], button, input, textarea, select, [tabindex]";
const MOVES = { ArrowUp: -1, ArrowDown: 1, Home: -Infinity, End: Infinity };

/** {@code list}: the messages' element (#messages); {@code scroller}: the element that scrolls it. */
export class MessageKeys {
  #current = null;

  constructor({ list, scroller }) {
    Object.assign(this, { list, scroller });
    new MutationObserver(() => this.#update()).observe(list, { childList: true, subtree: true });
    list.addEventListener("focusin", (event) => {
      const item = event.target.closest?.("li.message");
      if (item && item !== this.#current) {
        this.#current = item;
        this.#update();
      }
    });
    list.addEventListener("keydown", (event) => this.#key(event));
    this.#update();
  }

  #items() {
    return [...this.list.querySelectorAll("li.message")];
  }

  /** Only the current message (the newest while the focus is elsewhere) and its buttons are in the Tab order. */
  #update() {
    const items = this.#items();
    if (!this.#current?.isConnected || !this.list.contains(document.activeElement)) {
      this.#current = items.at(-1) ?? null;
    }
    for (const item of items) {
      const current = item === this.#current;
      setTabIndex(item, current ? "0" : "-1");
      for (const control of item.querySelectorAll(CONTROLS)) {
        if (current && control.dataset.roving === "out") {
          control.removeAttribute("tabindex");
          delete control.dataset.roving;
        } else if (!current && !control.hasAttribute("tabindex")) {
          control.setAttribute("tabindex", "-1");
          control.dataset.roving = "out";
        }
      }
    }
    // With no message to stop at, the scrolling area itself stays reachable (and scrollable) from the keyboard.
    if (items.length > 0) {
      this.scroller.removeAttribute("tabindex");
    } else {
      this.scroller.setAttribute("tabindex", "0");
    }
  }

  #key(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const item = event.target.closest?.("li.message");
    if (!item) {
      return;
    }
    if (event.target === item && event.key in MOVES) {
      event.preventDefault();
      const items = this.#items();
      const at = Math.max(0, Math.min(items.length - 1, items.indexOf(item) + MOVES[event.key]));
      this.focus(items[at]);
    } else if (event.target === item && event.key === "Enter") {
      event.preventDefault();
      item.querySelector(CONTROLS)?.focus();
    } else if (event.key === "Escape" && event.target !== item
      && !event.target.closest(".edit-form, .reaction-picker")) {
      event.preventDefault();
      this.focus(item);
    }
  }

  /** Focuses {@code item}, scrolling only the conversation (never the page) to show it. */
  focus(item) {
    item.focus({ preventScroll: true });
    const view = this.scroller.getBoundingClientRect();
    const box = item.getBoundingClientRect();
    if (box.top < view.top) {
      this.scroller.scrollTop -= view.top - box.top;
    } else if (box.bottom > view.bottom) {
      this.scroller.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
    }
  }
}

function setTabIndex(node, value) {
  if (node.getAttribute("tabindex") !== value) {
    node.setAttribute("tabindex", value);
  }
}
