import iconv from "iconv-lite";
import { expect, test } from "vitest";
import { sniffEncoding } from "@/lib/ingest/decode-bytes";

const csv = '組織計,"03-1234-5678",国際,03/14,02:10:05,01023276123456,シエラレオネ,00:00:31,\\1,234\n';

test("a UTF-8 byte-order mark is recognised", () => {
  expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("a,b\n")]))).toEqual({ encoding: "utf-8", hasBom: true });
});

test("UTF-16 is recognised with and without a byte-order mark", () => {
  expect(sniffEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\n", "utf16le")]))).toEqual({ encoding: "utf-16le", hasBom: true });
  expect(sniffEncoding(Buffer.from("calldate,src,dst\n2026-03-14,201,0312345678\n", "utf16le")).encoding).toBe("utf-16le");
  expect(sniffEncoding(iconv.encode("calldate,src,dst\n2026-03-14,201,0312345678\n", "utf-16be")).encoding).toBe("utf-16be");
});

test("Japanese text in UTF-8 stays UTF-8, even when the sample ends inside a character", () => {
  const bytes = Buffer.from(csv, "utf8");
  expect(sniffEncoding(bytes).encoding).toBe("utf-8");
  expect(sniffEncoding(bytes.subarray(0, 2)).encoding).toBe("utf-8"); // first 2 of 3 bytes of 組
});

test("a Shift_JIS (CP932) carrier statement is recognised as CP932", () => {
  expect(sniffEncoding(iconv.encode(csv, "cp932"))).toEqual({ encoding: "cp932", hasBom: false });
});

test("bytes that are neither UTF-8 nor CP932 fall back to Latin-1, never to an error", () => {
  expect(sniffEncoding(Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0xfd, 0x0a, 0x81, 0x20])).encoding).toBe("latin1");
});
