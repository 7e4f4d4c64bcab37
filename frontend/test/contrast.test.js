// WCAG AA contrast of chat.css's colour tokens, in both colour schemes, read from the stylesheet itself.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

const css = readFileSync(new URL("../static/chat.css", import.meta.url), "utf8");

function tokens(block) {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1], m[2]]));
}

const light = tokens(/:root\s*{([^}]*)}/.exec(css)[1]);
const dark = { ...light, ...tokens(/prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)[1]) };

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function hslToHex(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

// [foreground, backgrounds, minimum]: 4.5 for text, 3 for borders, focus rings and status dots.
const PAIRS = [
  ["text", ["bg", "surface", "sidebar", "own-bg", "other-bg", "mention-bg"], 4.5],
  ["muted", ["bg", "surface", "sidebar", "own-bg", "other-bg"], 4.5],
  ["accent-text", ["accent"], 4.5],
  ["link", ["bg", "surface", "own-bg", "other-bg"], 4.5],
  ["error", ["bg", "surface", "own-bg"], 4.5],
  // Also the MQTT badge in the roster, whose names sit on --bg.
  ["mqtt", ["other-bg", "surface", "bg"], 4.5],
  ["field-border", ["surface", "sidebar", "bg"], 3],
  ["accent", ["bg", "surface", "sidebar"], 3],
  ["ok", ["surface"], 3],
  // Also the border of a message waiting in the server's outbox, between its bubble and the list.
  ["warn", ["surface", "bg", "own-bg", "other-bg"], 3],
];

for (const [scheme, palette] of [["light", light], ["dark", dark]]) {
  describe(`${scheme} scheme`, () => {
    for (const [fg, backgrounds, minimum] of PAIRS) {
      for (const bg of backgrounds) {
        test(`--${fg} on --${bg} reaches ${minimum}:1`, () => {
          assert.ok(palette[fg] && palette[bg], `tokens --${fg} and --${bg} exist`);
          const ratio = contrast(palette[fg], palette[bg]);
          assert.ok(ratio >= minimum, `${palette[fg]} on ${palette[bg]}: ${ratio.toFixed(2)}:1`);
        });
      }
    }
  });
}

test("white initials on every avatar hue reach 4.5:1", () => {
  const [, s, l] = /hsl\(var\(--hue, \d+\) (\d+)% (\d+)%\)/.exec(css);
  let worst = Infinity;
  for (let hue = 0; hue < 360; hue++) {
    worst = Math.min(worst, contrast("#ffffff", hslToHex(hue, s / 100, l / 100)));
  }
  assert.ok(worst >= 4.5, `worst avatar contrast ${worst.toFixed(2)}:1`);
});

test("the contrast formula matches known values", () => {
  assert.equal(contrast("#000000", "#ffffff").toFixed(1), "21.0");
  assert.equal(contrast("#777777", "#ffffff").toFixed(2), "4.48");
});
