import { expect, test } from "vitest";
import { hashText } from "@/lib/ingest/text-hash";

function hashesOf(text: string): [number, number] {
  const out = new Uint32Array(2);
  hashText(text, out);
  return [out[0], out[1]];
}

test("the first hash is FNV-1a (32 bits) over the UTF-16 code units", () => {
  // Published FNV-1a test vectors (ASCII text, where code units and bytes coincide).
  expect(hashesOf("")[0]).toBe(0x811c9dc5);
  expect(hashesOf("a")[0]).toBe(0xe40c292c);
  expect(hashesOf("foobar")[0]).toBe(0xbf9cf968);
});

test("the two hashes are unrelated: texts whose first hashes collide keep different second ones", () => {
  // "costarring" and "liquid" are a known FNV-1a 32-bit collision.
  const [first, second] = [hashesOf("costarring"), hashesOf("liquid")];
  expect(first[0]).toBe(second[0]);
  expect(first[1]).not.toBe(second[1]);
});

test("every code unit counts, beyond Latin-1 too", () => {
  expect(hashesOf("+81312345678")).not.toEqual(hashesOf("+81312345679"));
  expect(hashesOf("組織計")).not.toEqual(hashesOf("組織計 "));
  expect(hashesOf("1773454205.101")).toEqual(hashesOf("1773454205.101"));
});
