// Opens a message's picture larger, in a dialog over the conversation; Escape, the Close button or a click beside
// the picture closes it, and the focus goes back to the thumbnail.

/** Listens for clicks on thumbnails in {@code list} (the conversation's element). */
export class PictureViewer {
  #opener = null;

  constructor({ list }) {
    this.dialog = document.createElement("dialog");
    this.dialog.className = "picture-viewer";
    this.dialog.setAttribute("aria-label", "Picture");
    const close = document.createElement("button");
    close.type = "button";
    close.className = "secondary";
    close.textContent = "Close";
    close.addEventListener("click", () => this.dialog.close());
    this.dialog.append(close);
    this.dialog.addEventListener("click", (event) => event.target === this.dialog && this.dialog.close());
    this.dialog.addEventListener("close", () => {
      // No picture stays in the page while none is shown.
      this.dialog.querySelector("img")?.remove();
      this.#opener?.focus();
    });
    document.body.append(this.dialog);
    list.addEventListener("click", (event) => {
      const thumbnail = event.target.closest?.("button.picture");
      if (thumbnail) {
        this.open(thumbnail);
      }
    });
  }

  open(thumbnail) {
    if (!thumbnail.dataset.url) {
      // An encrypted picture not opened (yet): nothing to show larger.
      return;
    }
    this.#opener = thumbnail;
    const image = document.createElement("img");
    image.src = thumbnail.dataset.url;
    image.alt = thumbnail.querySelector("img")?.alt ?? "Picture";
    this.dialog.querySelector("img")?.remove();
    this.dialog.append(image);
    this.dialog.showModal();
  }
}
