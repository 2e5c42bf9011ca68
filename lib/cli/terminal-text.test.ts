import { expect, test } from "vitest";
import { jsonLine, terminalText } from "@/lib/cli/terminal-text";

test("escape sequences, CR and bidi overrides are printed as markers", () => {
  expect(terminalText("\u001b[31mRED\u001b]0;pwned\u0007")).toBe("‹U+001B›[31mRED‹U+001B›]0;pwned‹U+0007›");
  expect(terminalText("ok\rFAKE\u009b2J\u007f")).toBe("ok‹U+000D›FAKE‹U+009B›2J‹U+007F›");
  expect(terminalText("evil\u202etxt.exe\u2066")).toBe("evil‹U+202E›txt.exe‹U+2066›");
});

test("line feeds, tabs, isolates and ordinary text stay", () => {
  expect(terminalText("a\tb\nアカウント \u2068مكتب\u2069：<script>")).toBe("a\tb\nアカウント \u2068مكتب\u2069：<script>");
});

test("JSON lines escape C1 and bidi controls, and parse to the same value", () => {
  const value = { name: "\u001b[31m\u009b\u202eevil\u2028" };
  const line = jsonLine(value);
  expect(line).toBe(String.raw`{"name":"\u001b[31m\u009b\u202eevil\u2028"}` + "\n");
  expect(JSON.parse(line)).toEqual(value);
});
