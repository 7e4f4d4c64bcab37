// The marks beside a sender's name that say it may not be who it seems: another author key than the name first came
// with, or a name that looks like another one. A marked message always shows its name, even within a group.

/**
 * Adds the marks {@code message} deserves to {@code item}: {@code keys} is the KeyCheck, {@code lookalikes} the
 * LookalikeCheck (or null).
 */
export function markName(item, message, { keys, lookalikes = null }) {
  const marks = [];
  if (keys.check(message) === "other") {
    marks.push(badge("key-other", "other key", `Sent as "${message.username}" with another key than earlier `
      + "messages by that name: it may not be the same person."));
  }
  const lookalike = lookalikes?.check(message) ?? null;
  if (lookalike) {
    const like = lookalike.like ? ` like "${lookalike.like}", another name in this room` : "";
    const mixed = lookalike.mixed ? " It mixes alphabets (Latin and Cyrillic, say), as imitations do." : "";
    marks.push(badge("name-lookalike", "look-alike name", `"${message.username}" looks${like || " like other names"}`
      + `: it may not be the same person.${mixed}`));
  }
  if (marks.length === 0) {
    return;
  }
  // Grouped under the previous message, the name and its marks would be hidden: this message starts its own group.
  item.classList.remove("continued");
  item.querySelector(".meta")?.classList.remove("visually-hidden");
  item.querySelector(".sender")?.after(...marks.flatMap((mark) => [" ", mark]));
}

function badge(kind, text, title) {
  const mark = document.createElement("span");
  mark.className = `badge name-mark ${kind}`;
  mark.textContent = text;
  mark.title = title;
  return mark;
}
