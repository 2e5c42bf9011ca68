import { expect, test } from "vitest";
import { HashPairSet } from "@/lib/ingest/hash-pair-set";

test("a key is new once, then held; both halves count, a zero first half too", () => {
  const set = new HashPairSet(8);
  expect(set.add(7, 9)).toBe(true);
  expect(set.add(7, 9)).toBe(false);
  expect(set.add(7, 10)).toBe(true);
  expect(set.add(0, 9)).toBe(true);
  expect(set.has(0, 9)).toBe(true);
  expect(set.has(8, 9)).toBe(false);
  expect(set.size).toBe(3);
});

test("grows up to its largest table, is full past three quarters of it, and refuses more", () => {
  const set = new HashPairSet(4, 16);
  for (let key = 1; key <= 12; key++) set.add(key, key * 31);
  expect(set.isFull).toBe(false);
  set.add(13, 13 * 31);
  expect(set.isFull).toBe(true);
  expect(() => set.add(14, 14)).toThrow(RangeError);
  for (let key = 1; key <= 13; key++) expect(set.has(key, key * 31)).toBe(true);
});

test("a union holds the keys of both once", () => {
  const union = new HashPairSet(8);
  const other = new HashPairSet(8);
  for (let key = 1; key <= 1000; key++) union.add(key, key);
  for (let key = 500; key <= 3000; key++) other.add(key, key);
  union.addAll(other);
  expect(union.size).toBe(3000);
  expect(union.has(3000, 3000)).toBe(true);
});
