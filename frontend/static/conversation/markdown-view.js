// Turns a message's Markdown (markdown-blocks.js, markdown-inline.js) into DOM nodes, built with createElement and
// text nodes only: no user text ever reaches an HTML parser. A one-paragraph message stays a bare <p class="text">
// of text and inline nodes, exactly as plain messages always were.

import { parseBlocks } from "./markdown-blocks.js";
import { parseInline } from "./markdown-inline.js";

const INLINE_TAGS = { em: "em", strong: "strong", strike: "s" };

/** The element showing {@code text}: a <p class="text"> for one paragraph, else a <div class="text rich">. */
export function markdownText(text) {
  const blocks = parseBlocks(text);
  if (blocks.length === 1 && blocks[0].type === "paragraph") {
    return inlineInto(element("p", "text"), blocks[0].text);
  }
  const container = element("div", "text rich");
  container.append(...blocks.map(block));
  return container;
}

function block(node) {
  switch (node.type) {
    case "code":
      return codeBlock(node);
    case "quote": {
      const quote = element("blockquote");
      quote.append(...node.children.map(block));
      return quote;
    }
    case "list": {
      const list = element(node.ordered ? "ol" : "ul");
      if (node.ordered && node.start !== 1) {
        list.start = node.start;
      }
      list.append(...node.items.map((item) => inlineInto(element("li"), item)));
      return list;
    }
    default:
      return inlineInto(element("p"), node.text);
  }
}

function codeBlock({ lang, text }) {
  const wrapper = element("div", "code-block");
  const head = element("div", "code-head");
  const copy = element("button", "copy-code link-button", "Copy");
  copy.type = "button";
  copy.setAttribute("aria-label", lang ? `Copy ${lang} code` : "Copy code");
  copy.addEventListener("click", () => copyCode(copy, text));
  if (lang) {
    head.append(element("span", "code-lang", lang));
  }
  head.append(copy);
  const pre = element("pre");
  pre.tabIndex = 0;
  const code = element("code", lang ? `language-${lang}` : null, text);
  if (lang) {
    pre.dataset.lang = lang;
  }
  pre.append(code);
  wrapper.append(head, pre);
  return wrapper;
}

async function copyCode(button, text) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Copy failed";
  }
  setTimeout(() => {
    button.textContent = "Copy";
  }, 2000);
}

function inlineInto(parent, text) {
  parent.append(...parseInline(text).map(inline));
  return parent;
}

function inline(node) {
  switch (node.type) {
    case "text":
      return document.createTextNode(node.text);
    case "code":
      return element("code", "inline-code", node.text);
    case "mention":
      return element("span", "at-mention", node.text);
    case "link":
      return linkNodes(node);
    default: {
      const wrapper = element(INLINE_TAGS[node.type] ?? "span");
      wrapper.append(...node.children.map(inline));
      return wrapper;
    }
  }
}

// The address is always visible: a link whose words differ from it shows it after them.
function linkNodes({ href, address, children }) {
  const link = element("a");
  link.href = href;
  link.rel = "noopener noreferrer";
  if (!href.startsWith("mailto:")) {
    link.target = "_blank";
  }
  link.append(...children.map(inline));
  if (link.textContent === address) {
    return link;
  }
  const both = document.createDocumentFragment();
  both.append(link, element("span", "link-address", ` (${address})`));
  return both;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
