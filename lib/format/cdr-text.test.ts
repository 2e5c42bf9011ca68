import { expect, test } from "vitest";
import { cdrTextParts, isolateCdrText, showCdrText } from "@/lib/format/cdr-text";

test("bidirectional overrides and isolates become visible markers", () => {
  expect(showCdrText("evil\u202etxt.exe")).toBe("evil‹U+202E›txt.exe");
  expect(showCdrText("a\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cb")).toBe(
    "a‹U+202A›‹U+202B›‹U+202C›‹U+202D›‹U+2066›‹U+2067›‹U+2068›‹U+2069›‹U+200E›‹U+200F›‹U+061C›b",
  );
});

test("control characters, terminal escapes and zero-width characters become visible; whitespace stays", () => {
  expect(showCdrText("\u001b[31mRED\u001b]0;x\u0007")).toBe("‹U+001B›[31mRED‹U+001B›]0;x‹U+0007›");
  expect(showCdrText("ctl\u0001\u007f\u009b")).toBe("ctl‹U+0001›‹U+007F›‹U+009B›");
  expect(showCdrText("2\u200b0\u200d1\ufeff\u2060")).toBe("2‹U+200B›0‹U+200D›1‹U+FEFF›‹U+2060›");
  expect(showCdrText("tag\u{e0041}")).toBe("tag‹U+E0041›");
  expect(showCdrText("tab\there\r\nnext")).toBe("tab\there\r\nnext");
});

test("markup, formulas and ordinary text in any script are left as they are", () => {
  for (const text of ["<script>alert(1)</script>", `=HYPERLINK("http://evil.example","click")`, "受付 山田", "مكتب الاستقبال"]) {
    expect(cdrTextParts(text).filter((part) => !part.isMarker).map((part) => part.text).join("")).toBe(text);
    expect(showCdrText(text)).toBe(text);
  }
  expect(showCdrText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
});

test("parts tell markers from text", () => {
  expect(cdrTextParts("a\u202eb")).toEqual([
    { text: "a", isMarker: false },
    { text: "‹U+202E›", isMarker: true },
    { text: "b", isMarker: false },
  ]);
  expect(cdrTextParts("")).toEqual([]);
});

test("inside a sentence, anything but printable ASCII is isolated", () => {
  expect(isolateCdrText("A0012")).toBe("A0012");
  expect(isolateCdrText("evil\u202etxt.exe")).toBe("\u2068evil‹U+202E›txt.exe\u2069");
  expect(isolateCdrText("مكتب")).toBe("\u2068مكتب\u2069");
  // A closing isolate in the text cannot end ours early: it is shown, not obeyed.
  expect(isolateCdrText("x\u2069\u202e")).toBe("\u2068x‹U+2069›‹U+202E›\u2069");
});
