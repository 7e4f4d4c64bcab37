import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { MAX_QUOTE_DEPTH, parseBlocks } from "../../static/conversation/markdown-blocks.js";
import { parseInline, safeHref } from "../../static/conversation/markdown-inline.js";

const text = (value) => ({ type: "text", text: value });

// Every href anywhere in a tree of inline nodes.
function hrefs(nodes) {
  return nodes.flatMap((node) => [...(node.href ? [node.href] : []), ...hrefs(node.children ?? [])]);
}

// The text a reader sees, markers gone.
function visible(nodes) {
  return nodes.map((node) => node.text ?? visible(node.children)).join("");
}

describe("blocks", () => {
  test("plain text is one paragraph, kept as typed, line breaks included", () => {
    assert.deepEqual(parseBlocks("hello\nworld"), [{ type: "paragraph", text: "hello\nworld" }]);
    assert.deepEqual(parseBlocks("<img src=x onerror=alert(1)>"),
      [{ type: "paragraph", text: "<img src=x onerror=alert(1)>" }]);
  });

  test("a fenced code block keeps its text and language hint, unclosed ones run to the end", () => {
    assert.deepEqual(parseBlocks("look:\n```js\nconst a = 1;\n  b();\n```\ndone"), [
      { type: "paragraph", text: "look:" },
      { type: "code", lang: "js", text: "const a = 1;\n  b();" },
      { type: "paragraph", text: "done" },
    ]);
    assert.deepEqual(parseBlocks("~~~\n*not emphasis*"), [{ type: "code", lang: "", text: "*not emphasis*" }]);
    assert.equal(parseBlocks('```"><script>\nx\n```')[0].lang, "", "a hint that is no language name is dropped");
  });

  test("quotes nest up to a depth, then stay text", () => {
    assert.deepEqual(parseBlocks("> a\n> b\nc"), [
      { type: "quote", children: [{ type: "paragraph", text: "a\nb" }] },
      { type: "paragraph", text: "c" },
    ]);
    let tree = parseBlocks(">".repeat(50) + " deep");
    let depth = 0;
    while (tree[0].type === "quote") {
      tree = tree[0].children;
      depth++;
    }
    assert.equal(depth, MAX_QUOTE_DEPTH);
  });

  test("lists, bulleted and numbered, with continuation lines", () => {
    assert.deepEqual(parseBlocks("Steps:\n- one\n- two\n  more\n\n3. three\n4. four"), [
      { type: "paragraph", text: "Steps:" },
      { type: "list", ordered: false, start: 1, items: ["one", "two\nmore"] },
      { type: "list", ordered: true, start: 3, items: ["three", "four"] },
    ]);
    assert.deepEqual(parseBlocks("in\n2. place"), [{ type: "paragraph", text: "in\n2. place" }]);
  });
});

describe("inline", () => {
  test("emphasis, strong, strike and code", () => {
    assert.deepEqual(parseInline("a *b* **c** ~~d~~ `e*f*`"), [
      text("a "), { type: "em", children: [text("b")] }, text(" "), { type: "strong", children: [text("c")] },
      text(" "), { type: "strike", children: [text("d")] }, text(" "), { type: "code", text: "e*f*" },
    ]);
    assert.deepEqual(parseInline("__x__ and _y_"), [
      { type: "strong", children: [text("x")] }, text(" and "), { type: "em", children: [text("y")] },
    ]);
  });

  test("what is no emphasis stays as typed", () => {
    for (const source of ["snake_case_name", "2 * 3 * 4", "a ** b", "*", "**", "~single~", "``", "under_ score_"]) {
      assert.equal(visible(parseInline(source)), source, source);
    }
    assert.deepEqual(parseInline("\\*not\\*"), [text("*not*")]);
  });

  test("links: http, https and mailto only, the address kept to show", () => {
    assert.deepEqual(parseInline("[docs](https://example.org/a)"), [
      { type: "link", href: "https://example.org/a", address: "https://example.org/a", children: [text("docs")] },
    ]);
    assert.equal(hrefs(parseInline("[mail](mailto:ada@example.org)"))[0], "mailto:ada@example.org");
    assert.deepEqual(parseInline("see https://example.org/a?b=1, then http://x.test."), [
      text("see "),
      { type: "link", href: "https://example.org/a?b=1", address: "https://example.org/a?b=1",
        children: [text("https://example.org/a?b=1")] },
      text(", then "),
      { type: "link", href: "http://x.test", address: "http://x.test", children: [text("http://x.test")] },
      text("."),
    ]);
    assert.deepEqual(parseInline("(https://en.wikipedia.org/wiki/MQTT_(protocol))").map(visible.bind(null, [])).length, 3);
  });

  test("mentions are found at word starts only", () => {
    assert.deepEqual(parseInline("hi @ada. mail x@ada.org"), [
      text("hi "), { type: "mention", text: "@ada" }, text(". mail x@ada.org"),
    ]);
  });

  test("nesting is bounded", () => {
    const deep = "*".repeat(200) + "x" + "*".repeat(200);
    assert.doesNotThrow(() => parseInline(deep));
    assert.doesNotThrow(() => parseInline("[".repeat(5000) + "](https://a.test)"));
  });
});

describe("the XSS corpus renders inert", () => {
  const corpus = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle/></svg>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "[click](file:///etc/passwd)",
    "[x](https://a.test\"onmouseover=\"alert(1))",
    "https://a.test/\"onmouseover=\"alert(1)",
    "**<b>nested *<i>broken</b>** markup*",
    "[**[x](https://a.test)**](https://b.test)",
    "`<script>`",
    "```html\n<script>alert(1)</script>\n```",
    "> <iframe src=javascript:alert(1)>",
    "- <object data=x>",
    "[x](mailto:a@b.test?body=<script>)",
    "<<script>script>alert(1)<</script>/script>",
  ];

  test("no href is anything but http, https or mailto, and no text is lost", () => {
    for (const source of corpus) {
      for (const block of parseBlocks(source)) {
        const lines = block.type === "list" ? block.items : block.type === "quote" ? [] : [block.text];
        for (const line of lines) {
          const nodes = parseInline(line);
          for (const href of hrefs(nodes)) {
            assert.match(href, /^(https?:\/\/[^\s"<>]+|mailto:[^\s<>]+)$/u, source);
            assert.notEqual(safeHref(href), null);
          }
          // Markup-looking text is never swallowed: every "<" and every attribute name stays for the reader to see.
          const seen = visible(nodes);
          assert.equal(seen.split("<").length, line.split("<").length, source);
          for (const word of ["onerror", "onload", "onmouseover", "script"]) {
            assert.equal(seen.includes(word), line.includes(word) && !/\]\([^)]*$/u.test(line), source);
          }
        }
      }
    }
  });

  test("links inside link labels are not links", () => {
    const [outer] = parseInline("[[x](https://a.test)](https://b.test)");
    assert.equal(hrefs([outer]).length <= 1, true);
  });
});
