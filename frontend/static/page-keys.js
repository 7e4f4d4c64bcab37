// Keyboard ways through the page: the skip link to the message box, Enter in the Username field moving on to the
// message box, Escape in the message box cancelling a reply, a long press (touch) showing a message's actions, and
// the message list as one Tab stop (message-keys.js).

import { MessageKeys } from "./conversation/message-keys.js";

const $ = (id) => document.getElementById(id);

/**
 * {@code username}: the UsernameField; {@code composer}: the Composer; {@code replies}: the ReplyView;
 * {@code list}: the MessageList.
 */
export function wirePageKeys({ username, composer, replies, list }) {
  new MessageKeys({ list: list.list, scroller: list.scroll.scroller });
  $("skip-link").addEventListener("click", (event) => {
    // No fragment navigation: an encrypted room's key lives in the fragment.
    event.preventDefault();
    focusMessageBox(composer);
  });
  $("username").addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) {
      return;
    }
    event.preventDefault();
    const problem = username.problem;
    if (problem) {
      username.showProblem(problem);
    } else {
      username.commit();
      focusMessageBox(composer);
    }
  });
  $("message").addEventListener("keydown", (event) => {
    if (event.key === "Escape" && replies.current() !== null) {
      event.preventDefault();
      replies.clear();
    }
  });
  revealOnLongPress(list.list);
}

/** The message box when a room is open and takes text, else the field that starts one. */
function focusMessageBox(composer) {
  if (!$("chat").hidden && !composer.input.disabled && composer.input.offsetParent !== null) {
    composer.focus();
  } else {
    $("room-name").focus();
  }
}

/** A touch held on a message for {@code delay} ms shows its actions (class show-actions) until a touch elsewhere. */
export function revealOnLongPress(list, { delay = 500 } = {}) {
  let timer = null;
  const stop = () => clearTimeout(timer);
  list.addEventListener("pointerdown", (event) => {
    stop();
    const item = event.target.closest?.("li.message:not(.pending)");
    if (event.pointerType !== "touch" || !item) {
      return;
    }
    timer = setTimeout(() => {
      list.querySelectorAll(".show-actions").forEach((other) => other.classList.remove("show-actions"));
      item.classList.add("show-actions");
    }, delay);
  });
  ["pointerup", "pointercancel", "pointerleave"].forEach((type) => list.addEventListener(type, stop));
  document.addEventListener("pointerdown", (event) => {
    if (!event.target.closest?.("li.show-actions")) {
      list.querySelectorAll(".show-actions").forEach((item) => item.classList.remove("show-actions"));
    }
  });
}
