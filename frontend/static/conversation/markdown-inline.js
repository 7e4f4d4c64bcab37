// The inline level of the page's Markdown subset: emphasis, strong, strike, code spans, links (http, https and mailto
// only), bare web addresses and @mentions. Pure: plain data out, never markup; markdown-view.js builds the nodes.

/** Emphasis inside emphasis beyond this depth stays text. */
export const MAX_INLINE_DEPTH = 8;

const ESCAPABLE = /[!-/:-@[-`{-~]/u;
const WORD = /[\p{L}\p{M}\p{N}_]/u;
const SPACE = /\s/u;
const MENTION = /@[\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_.-]*/uy;
const WEB_ADDRESS = /https?:\/\/[^\s<>"']+/iuy;
const LINK_TAIL = /\(([^\s()<>]+)\)/uy;

/**
 * The inline nodes of {@code text}: {@code {type: "text", text}}, {@code {type: "code", text}},
 * {@code {type: "em"|"strong"|"strike", children}}, {@code {type: "link", href, children, address}} and
 * {@code {type: "mention", text}}. Links never nest; every href is http, https or mailto.
 */
export function parseInline(text, depth = 0, inLink = false) {
  const source = String(text ?? "");
  const nodes = [];
  let plain = "";
  const push = (node) => {
    if (plain) {
      nodes.push({ type: "text", text: plain });
      plain = "";
    }
    nodes.push(node);
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const before = i > 0 ? source[i - 1] : "";
    let taken = null;
    if (c === "\\" && ESCAPABLE.test(source[i + 1] ?? "")) {
      plain += source[i + 1];
      i += 2;
      continue;
    } else if (c === "`") {
      taken = codeSpan(source, i);
    } else if ((c === "*" || c === "_" || c === "~") && depth < MAX_INLINE_DEPTH) {
      taken = emphasis(source, i, depth, inLink);
    } else if (c === "[" && !inLink) {
      taken = link(source, i, depth);
    } else if (!inLink && (c === "h" || c === "H") && !WORD.test(before)) {
      taken = webAddress(source, i);
    } else if (c === "@" && !WORD.test(before)) {
      taken = sticky(MENTION, source, i, (match) => ({ type: "mention", text: match.replace(/[.-]+$/u, "") }));
    }
    if (taken) {
      push(taken.node);
      i = taken.end;
    } else {
      plain += c;
      i++;
    }
  }
  if (plain) {
    nodes.push({ type: "text", text: plain });
  }
  return nodes;
}

function sticky(pattern, source, at, make) {
  pattern.lastIndex = at;
  const match = pattern.exec(source);
  if (!match) {
    return null;
  }
  const node = make(match[0]);
  return { node, end: at + (node.text ?? match[0]).length };
}

function codeSpan(source, at) {
  let run = 1;
  while (source[at + run] === "`") {
    run++;
  }
  const fence = "`".repeat(run);
  for (let close = source.indexOf(fence, at + run); close >= 0; close = source.indexOf(fence, close + 1)) {
    if (source[close + run] !== "`" && source[close - 1] !== "`") {
      let text = source.slice(at + run, close).replace(/\n/g, " ");
      if (text.length > 2 && text.startsWith(" ") && text.endsWith(" ")) {
        text = text.slice(1, -1);
      }
      return { node: { type: "code", text }, end: close + run };
    }
  }
  return { node: { type: "text", text: fence }, end: at + run };
}

function emphasis(source, at, depth, inLink) {
  const c = source[at];
  const double = source[at + 1] === c;
  if (c === "~" && !double) {
    return null;
  }
  const marker = double ? c + c : c;
  const after = source[at + marker.length] ?? "";
  // An opener is followed by a non-space; "_" also must not sit inside a word (snake_case stays as is).
  if (after === "" || SPACE.test(after) || after === c || (c === "_" && WORD.test(source[at - 1] ?? ""))) {
    return null;
  }
  for (let close = source.indexOf(marker, at + marker.length + 1); close >= 0;
    close = source.indexOf(marker, close + 1)) {
    const closeBefore = source[close - 1];
    const closeAfter = source[close + marker.length] ?? "";
    if (SPACE.test(closeBefore) || closeAfter === c || closeBefore === c || closeBefore === "\\"
      || (c === "_" && WORD.test(closeAfter))) {
      continue;
    }
    const type = c === "~" ? "strike" : double ? "strong" : "em";
    const children = parseInline(source.slice(at + marker.length, close), depth + 1, inLink);
    return { node: { type, children }, end: close + marker.length };
  }
  return null;
}

function link(source, at, depth) {
  const close = source.indexOf("]", at + 1);
  if (close < 0 || source.slice(at + 1, close).includes("[")) {
    return null;
  }
  LINK_TAIL.lastIndex = close + 1;
  const tail = LINK_TAIL.exec(source);
  const href = tail ? safeHref(tail[1]) : null;
  const label = source.slice(at + 1, close);
  if (!href || label.trim() === "") {
    return null;
  }
  const children = parseInline(label, depth + 1, true);
  return { node: { type: "link", href, address: tail[1], children }, end: LINK_TAIL.lastIndex };
}

function webAddress(source, at) {
  WEB_ADDRESS.lastIndex = at;
  const match = WEB_ADDRESS.exec(source);
  if (!match) {
    return null;
  }
  const address = trimAddressEnd(match[0]);
  const href = safeHref(address);
  return href ? { node: { type: "link", href, address, children: [{ type: "text", text: address }] },
    end: at + address.length } : null;
}

/** Drops punctuation that ends a sentence rather than the address, keeping balanced parentheses. */
function trimAddressEnd(url) {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const opened = url.slice(0, end).split("(").length - 1;
    const closed = url.slice(0, end).split(")").length - 1;
    if (/[.,;:!?\]}*_~`]/u.test(last) || (last === ")" && closed > opened)) {
      end -= 1;
    } else {
      return url.slice(0, end);
    }
  }
}

/** {@code candidate} as an http, https or mailto address, or null: never javascript:, data: or anything else. */
export function safeHref(candidate) {
  try {
    const url = new URL(candidate);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") {
      return url.href === candidate || url.href === candidate + "/" ? candidate : url.href;
    }
    return url.protocol === "mailto:" && /^mailto:[^\s@]+@[^\s@]+$/iu.test(candidate) ? candidate : null;
  } catch {
    return null;
  }
}
