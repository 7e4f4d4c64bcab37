// "Keep my reading private" (#read-private): whether the page tells rooms how far the reader has read; remembered.

const KEY = "chat.readPrivate";

/** Whether the reader chose to keep their reading private (on this device). */
export function loadReadPrivate(storage) {
  return storage.getItem(KEY) === "true";
}

export function saveReadPrivate(storage, value) {
  storage.setItem(KEY, String(Boolean(value)));
}

/** {@code onChange(private)}: the reader ticked or cleared the box. */
export class ReadPrivacy {
  constructor({ storage, onChange }) {
    this.box = document.getElementById("read-private");
    this.box.checked = loadReadPrivate(storage);
    this.box.addEventListener("change", () => {
      saveReadPrivate(storage, this.box.checked);
      onChange(this.box.checked);
    });
  }

  get private() {
    return this.box.checked;
  }
}
