import iconv from "iconv-lite";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { sniffEncoding } from "@/lib/ingest/decode-bytes";
import { refuseNonText } from "@/lib/ingest/refuse-non-text";

const CSV = '"","201","0312345678","from-internal","2026-03-14 02:10:05",33,31,"ANSWERED"\n'.repeat(40);

function verdict(bytes: Uint8Array) {
  try {
    refuseNonText(bytes, sniffEncoding(bytes).encoding);
    return "text";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

test("CSV text passes in every encoding the pipeline reads", () => {
  expect(verdict(Buffer.from(CSV))).toBe("text");
  expect(verdict(Buffer.from(CSV, "utf16le"))).toBe("text");
  expect(verdict(iconv.encode(`通話明細,${CSV}`, "cp932"))).toBe("text");
  expect(verdict(Buffer.alloc(0))).toBe("text");
});

test("archives and documents are refused by their first bytes, never opened", () => {
  expect(verdict(gzipSync(Buffer.from(CSV)))).toBe("compressed_file");
  expect(verdict(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe("compressed_file");
  expect(verdict(Buffer.from("%PDF-1.7\n"))).toBe("binary_content");
  expect(verdict(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("binary_content");
});

test("UTF-32 is named, not misread", () => {
  expect(verdict(iconv.encode(CSV, "utf-32le", { addBOM: false }))).toBe("unsupported_encoding");
  expect(verdict(iconv.encode(CSV, "utf-32be", { addBOM: true }))).toBe("unsupported_encoding");
});

test("random bytes are binary; a few stray NUL bytes in text are not", () => {
  let state = 1;
  const garbage = Buffer.from(Array.from({ length: 8192 }, () => (state = (state * 1103515245 + 12345) % 2 ** 31) >>> 23));
  expect(verdict(garbage)).toBe("binary_content");
  expect(verdict(Buffer.from(CSV.replace("from-internal", "from-\0\0\0internal")))).toBe("text");
});
