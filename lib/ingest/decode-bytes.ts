import iconv from "iconv-lite";

// Stage 1 of the pipeline: which encoding the bytes are in, and a stream that turns them into text.

export type TextEncodingId = "utf-8" | "utf-16le" | "utf-16be" | "cp932" | "latin1";

export type SniffedEncoding = { encoding: TextEncodingId; hasBom: boolean };

/** Bytes of the file start looked at when choosing the encoding. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

export function sniffEncoding(sample: Uint8Array): SniffedEncoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", hasBom: true };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: "utf-16le", hasBom: true };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: "utf-16be", hasBom: true };
  const utf16 = sniffUtf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, hasBom: false };
  if (isValidUtf8(sample)) return { encoding: "utf-8", hasBom: false };
  // Japanese carrier statements are CP932 (the Windows superset of Shift_JIS); anything that
  // is not even that is decoded byte for byte, so no line is ever refused for its encoding alone.
  return { encoding: decodesCleanly(sample, "cp932") ? "cp932" : "latin1", hasBom: false };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** CSV text in UTF-16 without a BOM shows as ASCII with every other byte zero. */
function sniffUtf16WithoutBom(sample: Uint8Array): TextEncodingId | undefined {
  const length = Math.min(sample.length, 4096) & ~1;
  if (length < 4) return undefined;
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let index = 0; index < length; index += 2) {
    if (sample[index] === 0) zerosAtEven++;
    if (sample[index + 1] === 0) zerosAtOdd++;
  }
  const pairs = length / 2;
  if (zerosAtOdd > pairs * 0.4 && zerosAtEven < pairs * 0.05) return "utf-16le";
  if (zerosAtEven > pairs * 0.4 && zerosAtOdd < pairs * 0.05) return "utf-16be";
  return undefined;
}

function isValidUtf8(sample: Uint8Array): boolean {
  // The sample may end inside a multi-byte character; drop an incomplete tail before checking.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(trimIncompleteUtf8Tail(sample));
    return true;
  } catch {
    return false;
  }
}

function trimIncompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

function decodesCleanly(sample: Uint8Array, encoding: TextEncodingId): boolean {
  const text = iconv.decode(Buffer.from(sample.subarray(0, sample.length - 1)), encoding);
  return !text.includes("\uFFFD");
}
