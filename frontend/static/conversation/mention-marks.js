// Highlights where a message mentions the reader (@name, as mentions.js finds it): a <mark> around each mention, and
// the class "mentions-me" on the message's item.

import { mentionSpans } from "./mentions.js";

/** Marks the mentions of {@code me} in {@code paragraph} (a message's text, already rendered); true if any. */
export function markMentions(paragraph, me) {
  if (!me) {
    return false;
  }
  let found = false;
  // Code and link addresses are quoted text, not someone calling the reader.
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest("code, .code-head, .link-address")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node);
  }
  for (const node of nodes) {
    const spans = mentionSpans(node.data, me);
    // From the end: the offsets before each cut stay valid.
    for (const { start, end } of spans.reverse()) {
      const mention = node.splitText(start);
      mention.splitText(end - start);
      const mark = document.createElement("mark");
      mark.className = "mention";
      mention.replaceWith(mark);
      mark.append(mention);
      found = true;
    }
  }
  return found;
}
