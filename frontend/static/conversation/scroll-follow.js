// Scrolling of the conversation (#scroller): keep the newest message in view unless the reader scrolled up to read.

/** {@code onJumpToEnd()}: the reader used the "New messages" hint. */
export class ScrollFollow {
  // Whether the view was at the end before the latest change of the scroller's own size.
  #atEnd = true;

  constructor({ scroller, hint, onJumpToEnd }) {
    this.scroller = scroller;
    this.hint = hint;
    scroller.addEventListener("scroll", () => {
      this.#atEnd = this.isAtEnd();
      if (this.#atEnd) {
        hint.hidden = true;
      }
    });
    // Whatever takes height from the conversation (the share strip, an error line, a notice, a growing message
    // box, a phone's keyboard) leaves the scroll position where it was, which is no longer the end: the next
    // message would then not follow. A view that was at the end stays there.
    // So does whatever grows inside it at the end: a picture that loads, a reaction picker that opens.
    const follow = new ResizeObserver(() => {
      if (this.#atEnd && this.scroller.clientHeight > 0) {
        this.toEnd();
      }
    });
    follow.observe(scroller);
    for (const part of scroller.children) {
      follow.observe(part);
    }
    hint.addEventListener("click", () => {
      this.toEnd();
      onJumpToEnd();
    });
  }

  isAtEnd() {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    return scrollHeight - scrollTop - clientHeight < 48;
  }

  toEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.#atEnd = true;
    this.hint.hidden = true;
  }

  focus() {
    this.scroller.focus();
  }

  /** Something arrived below the view: the "New messages" hint offers to go there. */
  showHint() {
    this.hint.hidden = false;
  }

  /** Runs {@code change} (adding content above {@code item}) so that {@code item} stays where the reader sees it. */
  keepInPlace(item, change) {
    const anchor = item?.getBoundingClientRect().top;
    change();
    if (item) {
      this.scroller.scrollTop += item.getBoundingClientRect().top - anchor;
    }
  }
}
