import fc from "fast-check";
import { expect, test } from "vitest";
import { DistinctTexts } from "@/lib/ingest/distinct-texts";

function counted(texts: readonly string[]): DistinctTexts {
  const distinct = new DistinctTexts();
  for (const text of texts) distinct.add(text);
  return distinct;
}

test("counts each text once, the empty text included", () => {
  expect(counted([]).size).toBe(0);
  expect(counted(["+81312345678", "+81312345678", "+23276123456", "", ""]).size).toBe(3);
});

test("counts stay exact as the table grows far past its first size", () => {
  const numbers = Array.from({ length: 200_000 }, (_, index) => `+8190${String(index).padStart(8, "0")}`);
  expect(counted([...numbers, ...numbers.slice(0, 50_000)]).size).toBe(200_000);
});

test("a union counts the texts of both once", () => {
  const union = counted(["a", "b", "c"]);
  union.addAll(counted(["c", "d"]));
  union.addAll(counted([]));
  expect(union.size).toBe(4);
  const numbers = Array.from({ length: 30_000 }, (_, index) => `+4420${index}`);
  union.addAll(counted(numbers.slice(0, 20_000)));
  union.addAll(counted(numbers.slice(10_000)));
  expect(union.size).toBe(30_004);
});

test("agrees with a Set of the texts, for any texts split any way", () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.string({ maxLength: 6, unit: "grapheme" }), { maxLength: 60 }), { maxLength: 6 }), (parts) => {
      const union = new DistinctTexts();
      for (const part of parts) union.addAll(counted(part));
      expect(union.size).toBe(new Set(parts.flat()).size);
    }),
  );
});
