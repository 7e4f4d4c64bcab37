// The block level of the page's Markdown subset: fenced code blocks, block quotes, lists and paragraphs, cut from a
// message's text line by line. Pure: the result is plain data, turned into DOM nodes by markdown-view.js only.

/** Quotes inside quotes beyond this depth stay text: a message of ">>>>..." cannot nest the page without end. */
export const MAX_QUOTE_DEPTH = 5;

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;
const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,32}$/;
const QUOTE = /^ {0,3}> ?/;
const BULLET = /^ {0,3}([-*+])[ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})([.)])[ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(.*)$/;

/**
 * The blocks of {@code text}: {@code {type: "paragraph", text}}, {@code {type: "code", lang, text}},
 * {@code {type: "quote", children}} and {@code {type: "list", ordered, start, items}} (each item its text).
 */
export function parseBlocks(text, depth = 0) {
  const lines = String(text ?? "").replace(/\r\n?/g, "\n").split("\n");
  const blocks = [];
  let paragraph = null;
  const flush = () => {
    if (paragraph) {
      blocks.push({ type: "paragraph", text: paragraph.join("\n") });
      paragraph = null;
    }
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      i = codeBlock(lines, i, fence, blocks);
    } else if (depth < MAX_QUOTE_DEPTH && QUOTE.test(line)) {
      flush();
      const inner = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i++) {
        inner.push(lines[i].replace(QUOTE, ""));
      }
      blocks.push({ type: "quote", children: parseBlocks(inner.join("\n"), depth + 1) });
    } else if (listItem(line) && (paragraph === null || interrupts(line))) {
      flush();
      i = list(lines, i, blocks);
    } else if (line.trim() === "") {
      flush();
      i++;
    } else {
      (paragraph ??= []).push(line);
      i++;
    }
  }
  flush();
  return blocks;
}

function codeBlock(lines, start, fence, blocks) {
  const marker = fence[1];
  const closing = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
  const body = [];
  let i = start + 1;
  for (; i < lines.length && !closing.test(lines[i]); i++) {
    body.push(lines[i]);
  }
  blocks.push({ type: "code", lang: LANGUAGE.test(fence[2]) ? fence[2] : "", text: body.join("\n") });
  // An unclosed fence runs to the end of the message, as in CommonMark.
  return i + 1;
}

function listItem(line) {
  const bullet = BULLET.exec(line);
  if (bullet) {
    return { ordered: false, marker: bullet[1], text: bullet[2] };
  }
  const ordered = ORDERED.exec(line);
  return ordered ? { ordered: true, marker: ordered[2], start: Number(ordered[1]), text: ordered[3] } : null;
}

// "Steps:\n- one" starts a list under a line of text; "in\n2. place" does not, as in CommonMark.
function interrupts(line) {
  const item = listItem(line);
  return item.text.trim() !== "" && (!item.ordered || item.start === 1);
}

function list(lines, start, blocks) {
  const first = listItem(lines[start]);
  const items = [first.text];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const item = listItem(lines[i]);
    const continued = CONTINUATION.exec(lines[i]);
    if (item && item.ordered === first.ordered && item.marker === first.marker) {
      items.push(item.text);
    } else if (continued && !item && continued[1].trim() !== "") {
      items[items.length - 1] += "\n" + continued[1];
    } else {
      break;
    }
  }
  blocks.push({ type: "list", ordered: first.ordered, start: first.ordered ? first.start : 1, items });
  return i;
}
