import iconv from "iconv-lite";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { PayloadTooLargeError } from "@/lib/errors";
import { ENCODING_SAMPLE_BYTES, sniffEncoding, type TextEncodingId } from "@/lib/ingest/decode-bytes";

// The byte end of the pipeline: counts and hashes the original bytes (the evidence pack cites
// the SHA-256), enforces the size limit, and decodes to text once the encoding is known.

export type UploadBytes = {
  text: Readable;
  /** Known once the text stream has been read to its end. */
  facts(): { sha256: string; sizeBytes: number; encoding: TextEncodingId | null };
  bytesRead(): number;
};

/** Receives the original bytes as they pass (to keep the file). */
export type ByteSink = { write(chunk: Buffer): Promise<void> };

export function readUploadText(source: AsyncIterable<Uint8Array>, maxBytes: number, sink: ByteSink | null = null): UploadBytes {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  let encoding: TextEncodingId | null = null;
  let sha256 = "";

  async function* decode(): AsyncGenerator<string> {
    let head: Buffer[] = [];
    let headBytes = 0;
    let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
    const start = () => {
      const sample = Buffer.concat(head);
      encoding = sniffEncoding(sample).encoding;
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
        yield decoder.write(bytes);
        continue;
      }
      head.push(bytes);
      headBytes += bytes.length;
      if (headBytes >= ENCODING_SAMPLE_BYTES) yield start();
    }
    if (!decoder) yield start();
    const rest = decoder?.end();
    if (rest) yield rest;
    sha256 = hash.digest("hex");
  }

  return {
    text: Readable.from(decode(), { objectMode: false, encoding: "utf8" }),
    facts: () => ({ sha256, sizeBytes, encoding }),
    bytesRead: () => sizeBytes,
  };
}
