import iconv from "iconv-lite";
import { createHash } from "node:crypto";
import { PayloadTooLargeError } from "@/lib/errors";
import { ENCODING_SAMPLE_BYTES, sniffEncoding, type TextEncodingId } from "@/lib/ingest/decode-bytes";
import { refuseNonText } from "@/lib/ingest/refuse-non-text";

// The byte end of the pipeline: counts and hashes the original bytes (the evidence pack cites
// the SHA-256), enforces the size limit, refuses what is not text (archives, binaries) from its first
// bytes, and decodes to text once the encoding is known.

/** Text is passed on in pieces of at most this many characters, however large the source's chunks. */
const MAX_TEXT_PIECE_CHARS = 64 * 1024;

/**
 * Decoded text in pieces, read once from the start. A reader that stops early leaves the rest for
 * the next (the layout's detection, then the rows; the rest of a file kept for mapping), and what
 * it put back is read first.
 */
export class TextPieces implements AsyncIterable<string> {
  private readonly putBack: string[] = [];

  constructor(private readonly source: AsyncIterator<string>) {}

  /** Makes `pieces` the next ones read, in order. */
  unshift(...pieces: string[]): void {
    this.putBack.unshift(...pieces);
  }

  async next(): Promise<IteratorResult<string, undefined>> {
    const piece = this.putBack.shift();
    if (piece !== undefined) return { done: false, value: piece };
    const next = await this.source.next();
    return next.done ? { done: true, value: undefined } : next;
  }

  // No return(): leaving a for-await loop does not end the text for the next reader.
  [Symbol.asyncIterator](): AsyncIterator<string, undefined> {
    return { next: () => this.next() };
  }

  /** Stops reading: the source (file or request) is let go. */
  async close(): Promise<void> {
    await this.source.return?.(undefined);
  }
}

export type UploadBytes = {
  text: TextPieces;
  /** Known once the text stream has been read to its end. */
  facts(): { sha256: string; sizeBytes: number; encoding: TextEncodingId | null };
  bytesRead(): number;
  /** Whether a NUL character has been decoded so far (rows holding one are rejected). */
  hasSeenNul(): boolean;
};

/** Receives the original bytes as they pass (to keep the file). */
export type ByteSink = { write(chunk: Buffer): Promise<void> };

export function readUploadText(source: AsyncIterable<Uint8Array>, maxBytes: number, sink: ByteSink | null = null): UploadBytes {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  let encoding: TextEncodingId | null = null;
  let sha256 = "";
  let hasSeenNul = false;

  async function* decode(): AsyncGenerator<string> {
    let head: Buffer[] = [];
    let headBytes = 0;
    let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
    const start = () => {
      const sample = Buffer.concat(head);
      encoding = sniffEncoding(sample).encoding;
      refuseNonText(sample, encoding);
      decoder = iconv.getDecoder(encoding, { stripBOM: true });
      head = [];
      return decoder.write(sample);
    };
    for await (const chunk of source) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      sizeBytes += bytes.length;
      if (sizeBytes > maxBytes) {
        throw new PayloadTooLargeError(`The file is larger than the limit of ${maxBytes.toLocaleString("en")} bytes.`);
      }
      hash.update(bytes);
      if (sink) await sink.write(bytes);
      if (decoder) {
        yield* pieces(decoder.write(bytes));
        continue;
      }
      head.push(bytes);
      headBytes += bytes.length;
      if (headBytes >= ENCODING_SAMPLE_BYTES) yield* pieces(start());
    }
    if (!decoder) yield* pieces(start());
    const rest = decoder?.end();
    if (rest) yield* pieces(rest);
    sha256 = hash.digest("hex");
  }

  // Bounded pieces keep the parser's too-long-row guard independent of how the source was chunked.
  function* pieces(text: string): Generator<string> {
    if (!hasSeenNul && text.includes("\0")) hasSeenNul = true;
    for (let from = 0; from < text.length; from += MAX_TEXT_PIECE_CHARS) yield text.slice(from, from + MAX_TEXT_PIECE_CHARS);
  }

  return {
    text: new TextPieces(decode()),
    facts: () => ({ sha256, sizeBytes, encoding }),
    bytesRead: () => sizeBytes,
    hasSeenNul: () => hasSeenNul,
  };
}
