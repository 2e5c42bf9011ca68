import { expect, test } from "vitest";
import { BinaryCopyBuffer, uuidBytes } from "@/lib/storage/binary-copy";
import { readBinaryCopy } from "@/tests/support/read-binary-copy";

// The writer's bytes, read back field by field; that PostgreSQL takes them is proven by the
// integration tests (every import goes through them).

function written(fill: (out: BinaryCopyBuffer) => void): (Buffer | null)[] {
  const out = new BinaryCopyBuffer();
  out.startTuple(1);
  fill(out);
  const tuples = readBinaryCopy(out.finish());
  expect(tuples).toHaveLength(1);
  return tuples[0];
}

test("integers, booleans and nulls", () => {
  expect(written((out) => out.int32(-7))[0]?.readInt32BE(0)).toBe(-7);
  expect(written((out) => out.boolean(true))[0]).toEqual(Buffer.from([1]));
  expect(written((out) => out.null())[0]).toBeNull();
  expect(() => written((out) => out.int32(1.5))).toThrow(RangeError);
  expect(() => written((out) => out.int32(2 ** 31))).toThrow(RangeError);
});

test("instants are microseconds since 2000-01-01 UTC, before it too", () => {
  const micros = (iso: string) => written((out) => out.timestamp(Date.parse(iso)))[0]!.readBigInt64BE(0);
  expect(micros("2000-01-01T00:00:00Z")).toBe(0n);
  expect(micros("2026-03-14T02:10:05.250Z")).toBe(BigInt(Date.parse("2026-03-14T02:10:05.250Z") - Date.UTC(2000, 0, 1)) * 1000n);
  expect(micros("1990-01-01T00:00:00Z")).toBe(BigInt(Date.UTC(1990, 0, 1) - Date.UTC(2000, 0, 1)) * 1000n);
});

test("text is UTF-8, ASCII or not", () => {
  for (const text of ["", "201", "PJSIP/trunk-0000001a", "山田 太郎 <0312345678>", "a\u00e9b", "emoji 📞 end"]) {
    expect(written((out) => out.text(text))[0]!.toString("utf8")).toBe(text);
  }
});

test("bytea from hex, uuids as 16 bytes", () => {
  expect(written((out) => out.hexBytes("deadbeef"))[0]).toEqual(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
  expect(() => written((out) => out.hexBytes("xyz0"))).toThrow(RangeError);
  const uuid = "0191a6c8-0000-7000-8000-00000000000a";
  expect(written((out) => out.bytes(uuidBytes(uuid)))[0]!.toString("hex")).toBe(uuid.replaceAll("-", ""));
});

/** numeric's binary form: digit count, weight, sign, display scale, base-10000 digits. */
function numericOf(decimal: string) {
  const field = written((out) => out.numeric(decimal))[0]!;
  const digits = Array.from({ length: field.readInt16BE(0) }, (_, index) => field.readInt16BE(8 + index * 2));
  return { weight: field.readInt16BE(2), sign: field.readUInt16BE(4), scale: field.readInt16BE(6), digits };
}

test("numeric in base-10000 digits with weight, sign and scale", () => {
  expect(numericOf("1234")).toEqual({ weight: 0, sign: 0, scale: 0, digits: [1234] });
  expect(numericOf("12345.5")).toEqual({ weight: 1, sign: 0, scale: 1, digits: [1, 2345, 5000] });
  expect(numericOf("-0.0079")).toEqual({ weight: -1, sign: 0x4000, scale: 4, digits: [79] });
  expect(numericOf("0")).toEqual({ weight: 0, sign: 0, scale: 0, digits: [] });
  expect(numericOf("-0.00")).toEqual({ weight: 0, sign: 0, scale: 2, digits: [] });
  expect(numericOf("100000000")).toEqual({ weight: 2, sign: 0, scale: 0, digits: [1] });
  expect(() => written((out) => out.numeric("1e5"))).toThrow(RangeError);
});

test("the buffer grows for long values and starts over on clear", () => {
  const out = new BinaryCopyBuffer();
  const long = "x".repeat(5 * 1024 * 1024);
  out.startTuple(1);
  out.text(long);
  expect(readBinaryCopy(out.finish())[0][0]!.length).toBe(long.length);
  out.clear();
  expect(out.tuples).toBe(0);
  expect(readBinaryCopy(out.finish())).toEqual([]);
});
