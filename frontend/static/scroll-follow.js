// Scrolling of the conversation (#scroller): keep the newest message in view unless the reader scrolled up to read.

/** {@code onJumpToEnd()}: the reader used the "New messages" hint. */
export class ScrollFollow {
  constructor({ scroller, hint, onJumpToEnd }) {
    this.scroller = scroller;
    this.hint = hint;
    scroller.addEventListener("scroll", () => {
      if (this.isAtEnd()) {
        hint.hidden = true;
      }
    });
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
