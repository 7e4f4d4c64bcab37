// Search text, pure: the words of a query, the server's snippets read into plain and marked parts, and the same
// search over the messages this device has opened (an end-to-end encrypted room, which the server cannot search).

/** A word: letters, digits and combining marks, as the server sees them (search/SearchTerms.java). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The server's limits on a query. */
export const MAX_QUERY = 200;
export const MAX_WORDS = 10;

/** How many characters of a message a snippet shows, and at most how many before its first match. */
export const SNIPPET_LENGTH = 160;
const LEAD = 40;

/** The punctuation a snippet escapes with a backslash (the rest of it is the user's text as written). */
const ESCAPED = new Set(["\\", "*", "_", "`", "~", "[", "]", "#", ">"]);

/** The lower-case words of {@code query}, each once; an empty list when it has none. */
export function queryWords(query) {
  const words = [];
  for (const [word] of String(query ?? "").matchAll(WORD)) {
    const lower = word.toLowerCase();
    if (!words.includes(lower)) {
      words.push(lower);
    }
  }
  return words;
}

/** Why {@code query} cannot be searched, or null when it can (the same rules as the server's). */
export function queryProblem(query) {
  const text = String(query ?? "").trim();
  if (text === "") {
    return "Type a word to search for.";
  }
  if ([...text].length > MAX_QUERY) {
    return `Search for at most ${MAX_QUERY} characters.`;
  }
  const words = queryWords(text);
  if (words.length === 0) {
    return "Search for a word of letters or digits.";
  }
  return words.length > MAX_WORDS ? `Search for at most ${MAX_WORDS} words.` : null;
}

/**
 * A snippet read into parts: {@code [{ text, mark }]}, {@code mark} true inside {@code **…**}; a backslash before
 * ASCII punctuation keeps that character as text. Nothing in it is HTML: the page shows each part as a text node.
 */
export function snippetParts(snippet) {
  const parts = [];
  let text = "";
  let mark = false;
  const source = String(snippet ?? "");
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\" && i + 1 < source.length && /[!-/:-@[-`{-~]/.test(source[i + 1])) {
      text += source[++i];
    } else if (c === "*" && source[i + 1] === "*") {
      if (text !== "") {
        parts.push({ text, mark });
      }
      text = "";
      mark = !mark;
      i++;
    } else {
      text += c;
    }
  }
  if (text !== "") {
    parts.push({ text, mark });
  }
  return parts;
}

/** Whether {@code word} begins with one of {@code words} (lower case). */
function matches(word, words) {
  const lower = word.toLowerCase();
  return words.some((term) => lower.startsWith(term));
}

/** The snippet of {@code text} for {@code words}, made as the server makes it (search/Snippets.java). */
export function snippetOf(text, words) {
  const line = String(text ?? "").trim().replace(/\s+/gu, " ");
  const found = [...line.matchAll(WORD)].filter(([word]) => matches(word, words))
    .map((match) => [match.index, match.index + match[0].length]);
  const first = found.length ? found[0][0] : 0;
  let start = wordStart(line, Math.max(0, first - LEAD), first);
  let end = Math.min(line.length, start + SNIPPET_LENGTH);
  if (end === line.length && start > 0) {
    start = wordStart(line, Math.max(0, end - SNIPPET_LENGTH), first);
  }
  end = wordEnd(line, start, end, found.length ? found[0][1] : 0);
  let snippet = start > 0 ? "…" : "";
  let at = start;
  for (const [from, to] of found) {
    if (to <= start || from >= end) {
      continue;
    }
    snippet += escape(line.slice(at, Math.max(at, from)));
    snippet += `**${line.slice(Math.max(at, from), Math.min(end, to))}**`;
    at = Math.min(end, to);
  }
  return snippet + escape(line.slice(at, end)) + (end < line.length ? "…" : "");
}

function wordStart(line, from, first) {
  let start = from;
  if (start > 0 && line[start - 1] !== " ") {
    const space = line.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  return /[\udc00-\udfff]/.test(line[start] ?? "") ? start + 1 : start;
}

function wordEnd(line, start, to, firstEnd) {
  let end = to;
  if (end < line.length && line[end] !== " ") {
    const space = line.lastIndexOf(" ", end);
    end = space > start && space >= firstEnd ? space : end;
  }
  if (end > start && end < line.length && /[\ud800-\udbff]/.test(line[end - 1])) {
    end -= 1;
  }
  while (end > start && line[end - 1] === " ") {
    end -= 1;
  }
  return end;
}

function escape(text) {
  return [...text].map((c) => (ESCAPED.has(c) ? `\\${c}` : c)).join("");
}

/**
 * The messages of {@code messages} ({@code { id, seq, username, sentAt, text }}, as shown on this device) whose text
 * has every word of {@code query} at the start of a word, newest first, as the server's hits.
 */
export function searchLoaded(messages, query) {
  const words = queryWords(query);
  if (words.length === 0) {
    return [];
  }
  return messages
    .filter((message) => {
      const own = [...String(message.text ?? "").matchAll(WORD)].map(([word]) => word);
      return words.every((term) => own.some((word) => word.toLowerCase().startsWith(term)));
    })
    .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))
    .map(({ id, seq, username, sentAt, text }) => ({ id, seq, username, sentAt, snippet: snippetOf(text, words) }));
}
