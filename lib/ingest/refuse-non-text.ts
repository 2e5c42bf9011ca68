import iconv from "iconv-lite";
import { InvalidInputError } from "@/lib/errors";
import type { TextEncodingId } from "@/lib/ingest/decode-bytes";

// Content sniffing before anything is parsed: the file name and the browser's type say nothing, the
// first bytes do. Archives are refused by their magic bytes and never opened, so a compression bomb
// renamed .csv costs the server its first chunk, not its expansion.

type Signature = { bytes: number[]; code: "compressed_file" | "binary_content"; what: string };

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x1f, 0x8b], code: "compressed_file", what: "a gzip-compressed file" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: "compressed_file", what: "a ZIP archive (or an Excel .xlsx workbook, which is one)" },
  { bytes: [0x50, 0x4b, 0x05, 0x06], code: "compressed_file", what: "an (empty) ZIP archive" },
  { bytes: [0x50, 0x4b, 0x07, 0x08], code: "compressed_file", what: "a ZIP archive" },
  { bytes: [0x42, 0x5a, 0x68], code: "compressed_file", what: "a bzip2-compressed file" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], code: "compressed_file", what: "an xz-compressed file" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], code: "compressed_file", what: "a 7-Zip archive" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], code: "compressed_file", what: "a Zstandard-compressed file" },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], code: "compressed_file", what: "a RAR archive" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], code: "binary_content", what: "a PDF document" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], code: "binary_content", what: "a legacy Microsoft Office file (such as .xls)" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], code: "binary_content", what: "an SQLite database" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], code: "binary_content", what: "an executable program" },
];

/**
 * Above this share of control characters in the sample the file is binary, not text. Text exports
 * have none beyond tab and line ends; a few stray NUL bytes (a PBX that crashed mid-write) stay
 * below it and cost only their rows, which are rejected one by one.
 */
export const MAX_CONTROL_CHARACTER_SHARE = 0.05;

/** Throws when the file's first bytes show it is not CSV text at all; otherwise returns. */
export function refuseNonText(sample: Uint8Array, encoding: TextEncodingId): void {
  const signature = SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => sample[index] === byte));
  if (signature?.code === "compressed_file") {
    throw new InvalidInputError(
      `The file is ${signature.what}, not CSV text. Compressed files are not opened here: extract the CSV file from it and upload that.`,
      "compressed_file",
    );
  }
  if (signature) {
    throw new InvalidInputError(`The file is ${signature.what}, not CSV text. Export the call records as CSV and upload that file.`, "binary_content");
  }
  const utf32 = utf32Endianness(sample);
  if (utf32) {
    throw new InvalidInputError(`The file is encoded as UTF-32 (${utf32}), which is not read here. Save it as UTF-8 or UTF-16 and upload it again.`, "unsupported_encoding");
  }
  const share = controlCharacterShare(iconv.decode(Buffer.from(sample), encoding));
  if (share > MAX_CONTROL_CHARACTER_SHARE) {
    throw new InvalidInputError(
      `The file is not text: ${Math.round(share * 100)}% of its first ${sample.length.toLocaleString("en")} bytes are control characters. Upload the CSV export itself.`,
      "binary_content",
    );
  }
}

/** UTF-32 text (ASCII in it, at least) shows as one byte and three zeros per character. */
function utf32Endianness(sample: Uint8Array): "little-endian" | "big-endian" | null {
  if (sample[0] === 0xff && sample[1] === 0xfe && sample[2] === 0 && sample[3] === 0) return "little-endian";
  if (sample[0] === 0 && sample[1] === 0 && sample[2] === 0xfe && sample[3] === 0xff) return "big-endian";
  const length = Math.min(sample.length, 4096) & ~3;
  if (length < 8) return null;
  let littleEndian = 0;
  let bigEndian = 0;
  for (let index = 0; index < length; index += 4) {
    const [a, b, c, d] = [sample[index], sample[index + 1], sample[index + 2], sample[index + 3]];
    if (a !== 0 && b === 0 && c === 0 && d === 0) littleEndian++;
    if (a === 0 && b === 0 && c === 0 && d !== 0) bigEndian++;
  }
  const quads = length / 4;
  if (littleEndian > quads * 0.9) return "little-endian";
  if (bigEndian > quads * 0.9) return "big-endian";
  return null;
}

/** C0 controls other than tab, line ends, form feed and the DOS end-of-file mark; DEL; C1 controls. */
function controlCharacterShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1a : code >= 0x7f && code <= 0x9f) controls++;
  }
  return controls / text.length;
}
