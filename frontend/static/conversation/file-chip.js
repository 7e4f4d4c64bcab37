// Files in the conversation: each shown as a chip with its name and size that only ever downloads it. The name is the
// sender's (or, in an encrypted room, the sealed text's): it reaches the page through textContent and the download
// attribute only, and loses what could disguise it on the way.

/** Characters a name never shows: controls, bidi overrides and isolates, zero widths and other format characters. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/gu;

/** The longest name shown, in characters; a longer one keeps its end, where the extension is. */
export const MAX_NAME = 120;

/** {@code bytes} as people read a size: "512 bytes", "1.2 KB", "3.4 MB". */
export function sizeText(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) {
    return "";
  }
  if (bytes < 1024) {
    return `${Math.round(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  }
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A file's name as the page shows it and offers it to save: nothing hidden in it, never empty, not endless. */
export function displayName(name) {
  const shown = (typeof name === "string" ? name : "").replace(HIDDEN, "").replace(/[\\/]/g, "_").trim();
  const characters = [...shown];
  if (characters.length > MAX_NAME) {
    return `${characters.slice(0, MAX_NAME - 9).join("")}…${characters.slice(-8).join("")}`;
  }
  return shown === "" ? "file" : shown;
}

/** What a chip reads: "report.pdf · 1.2 MB". */
export function chipText(name, size) {
  const text = sizeText(size);
  return text ? `${displayName(name)} · ${text}` : displayName(name);
}

/** Whether an attachment of a message is a file rather than a picture: the gateway's kind, or the sealed text's. */
export function isFile(attachment) {
  return attachment?.kind === "file" || attachment?.sealed?.kind === "file";
}

/**
 * A file's chip: a link that downloads it (never opens it), or in an encrypted room a button that SealedFiles turns
 * into the opened file. Only the gateway's own URLs are linked.
 */
export function fileChip(file) {
  if (typeof file?.url !== "string" || !file.url.startsWith("/api/rooms/")) {
    return null;
  }
  const name = displayName(file.sealed?.name ?? file.name);
  const size = file.sealed ? file.sealed.size : file.size;
  const chip = document.createElement(file.sealed ? "button" : "a");
  chip.className = "file-chip";
  chip.textContent = chipText(name, size);
  chip.title = `Download ${name}`;
  if (file.sealed) {
    chip.type = "button";
    chip.dataset.sealedUrl = file.url;
    chip.dataset.sealedIv = file.sealed.iv;
    chip.dataset.sealedName = name;
  } else {
    chip.href = file.url;
    chip.download = name;
    chip.rel = "noopener";
  }
  return chip;
}
