import iconv from "iconv-lite";
import { crc32, createDeflateRaw, createGzip } from "node:zlib";

// Hostile inputs for the import, generated deterministically (nothing large is committed): each is
// a byte source the pipeline reads like an upload, and counts what was pulled from it, so a test
// can show a 100 MB line or a 1 GB bomb was refused after its first bytes rather than read whole.

export type CorpusSource = AsyncIterable<Uint8Array> & { bytesPulled(): number };

export type BadInputCase = {
  id: string;
  /** What the upload announces; some names are hostile themselves. */
  fileName: string;
  /** Bytes as announced by the client (expectedBytes), when it says. */
  announcedBytes?: number;
  source(): CorpusSource;
};

const KIB = 1024;
const MIB = 1024 * KIB;
const CHUNK_BYTES = 64 * KIB;

/** Small, seeded PRNG (mulberry32), so "random" garbage is the same bytes every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function counted(chunks: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>): CorpusSource {
  let pulled = 0;
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of chunks()) {
        pulled += chunk.byteLength;
        yield chunk;
      }
    },
    bytesPulled: () => pulled,
  };
}

/** The bytes in CHUNK_BYTES pieces, as a network upload would arrive. */
function inChunks(bytes: Uint8Array): CorpusSource {
  return counted(function* () {
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) yield bytes.subarray(offset, offset + CHUNK_BYTES);
  });
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** One 18-column Asterisk Master.csv row; `start` is "YYYY-MM-DD hh:mm:ss" (wall clock). */
export function asteriskRow(index: number, options: { start?: string; callerName?: string; duration?: string } = {}): string {
  const start = options.start ?? `2026-03-14 ${pad(8 + Math.floor(index / 60))}:${pad(index % 60)}:00`;
  const duration = options.duration ?? String(20 + index);
  const callerName = options.callerName ?? `Reception, desk ${index}`;
  const destination = `0312${pad(index, 6)}`;
  return [
    `""`, `"201"`, `"${destination}"`, `"from-internal"`, `"""${callerName}"" <201>"`, `"PJSIP/201-${pad(index, 8)}"`,
    `"PJSIP/trunk-${pad(index, 8)}"`, `"Dial"`, `"PJSIP/${destination}@trunk,60"`, `"${start}"`, `"${start}"`, `"${start}"`,
    duration, duration, `"ANSWERED"`, `"DOCUMENTATION"`, `"1773454205.${index}"`, `""`,
  ].join(",") + "\n";
}

/** A valid Master.csv of `rows` calls, one minute apart. */
export function asteriskMaster(rows: number, rowOf: (index: number) => string = (index) => asteriskRow(index)): string {
  return Array.from({ length: rows }, (_, index) => rowOf(index)).join("");
}

const TWILIO_HEADER = "sid,date_created,parent_call_sid,account_sid,to,from,status,start_time,end_time,duration,price,price_unit,direction";

function twilioRow(index: number): string {
  const start = `2026-03-14T0${index % 10}:00:00Z`;
  return `CA${pad(index, 32)},${start},,AC${pad(1, 32)},+23276123${pad(index, 3)},+81312345678,completed,${start},${start.replace(":00:00Z", ":00:31Z")},31,-0.3510,USD,outbound-api\n`;
}

/** The whole file as UTF-16 without a byte order mark (Windows tools writing "Unicode" text). */
function utf16WithoutBom(text: string, endianness: "le" | "be"): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  if (endianness === "be") bytes.swap16();
  return bytes;
}

/** A line that never ends: `totalBytes` of digits and commas, streamed, no newline anywhere. */
function singleLine(totalBytes: number, prefix = ""): CorpusSource {
  const piece = Buffer.from("1234567,".repeat(CHUNK_BYTES / 8));
  return counted(function* () {
    let sent = 0;
    if (prefix) {
      sent += prefix.length;
      yield Buffer.from(prefix);
    }
    while (sent < totalBytes) {
      const chunk = piece.subarray(0, Math.min(piece.length, totalBytes - sent));
      sent += chunk.length;
      yield chunk;
    }
  });
}

/** Valid-looking rows after a quote that never closes: to a CSV parser, one field without end. */
function runawayQuote(totalBytes: number): CorpusSource {
  const rows = Buffer.from(asteriskMaster(200).replaceAll('"', ""));
  return counted(function* () {
    yield Buffer.from(`"never closed,${asteriskRow(0).replaceAll('"', "")}`);
    for (let sent = 0; sent < totalBytes; sent += rows.length) yield rows;
  });
}

/** Streams the output of compressing `uncompressedBytes` zeros; compressed lazily, as pulled. */
async function* compressedZeros(compressor: NodeJS.ReadWriteStream, uncompressedBytes: number): AsyncGenerator<Uint8Array> {
  const zeros = Buffer.alloc(MIB);
  const feed = async () => {
    for (let fed = 0; fed < uncompressedBytes; fed += zeros.length) {
      if (!compressor.write(zeros.subarray(0, Math.min(zeros.length, uncompressedBytes - fed)))) {
        await new Promise((resolve) => compressor.once("drain", resolve));
      }
    }
    compressor.end();
  };
  const feeding = feed();
  feeding.catch(() => {});
  try {
    for await (const chunk of compressor) yield chunk as Buffer;
  } finally {
    (compressor as unknown as { destroy(): void }).destroy();
  }
}

/** gzip of `uncompressedBytes` zeros: 1 GiB compresses to about 1 MB (a ratio of about 1000). */
export function gzipBomb(uncompressedBytes = 1024 * MIB): CorpusSource {
  return counted(() => compressedZeros(createGzip({ level: 9 }), uncompressedBytes));
}

/**
 * A ZIP archive with one entry, "calls.csv", of `uncompressedBytes` zeros (deflated). Sizes and CRC
 * follow the data (general-purpose flag bit 3), so the archive can be streamed without a first pass.
 */
export function zipBomb(uncompressedBytes = 1024 * MIB): CorpusSource {
  const name = Buffer.from("calls.csv");
  return counted(async function* () {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // "PK\3\4"
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0008, 6); // sizes in a data descriptor
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(name.length, 26);
    yield Buffer.concat([local, name]);
    let compressedBytes = 0;
    for await (const chunk of compressedZeros(createDeflateRaw({ level: 9 }), uncompressedBytes)) {
      compressedBytes += chunk.byteLength;
      yield chunk;
    }
    const crc = zerosCrc32(uncompressedBytes);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressedBytes, 8);
    descriptor.writeUInt32LE(uncompressedBytes >>> 0, 12);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0008, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressedBytes, 20);
    central.writeUInt32LE(uncompressedBytes >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length + compressedBytes + descriptor.length, 16);
    yield Buffer.concat([descriptor, central, name, end]);
  });
}

function zerosCrc32(length: number): number {
  const zeros = Buffer.alloc(MIB);
  let crc = 0;
  for (let done = 0; done < length; done += zeros.length) crc = crc32(zeros.subarray(0, Math.min(zeros.length, length - done)), crc);
  return crc;
}

function randomBytes(length: number, seed: number): Buffer {
  const next = random(seed);
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(next() * 256);
  return bytes;
}

/** A valid file cut short at `marker`'s position in its last row (plus `keep` characters of it). */
function truncatedAt(marker: string, keep: number): Buffer {
  const text = asteriskMaster(20);
  const lastRow = text.lastIndexOf("\n", text.length - 2) + 1;
  return Buffer.from(text.slice(0, text.indexOf(marker, lastRow) + keep));
}

/** Rows whose start year no call can have, among valid ones. */
export const IMPLAUSIBLE_STARTS = ["9999-12-31 23:59:59", "0000-01-01 00:00:00", "0099-06-01 12:00:00", "1900-01-01 00:00:00", "1969-12-31 23:59:59"];

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  { id: "truncated-mid-row", fileName: "Master.csv", source: () => inChunks(truncatedAt(`"Dial",`, 7)) },
  { id: "truncated-mid-quoted-field", fileName: "Master.csv", source: () => inChunks(truncatedAt("Reception, desk", 12)) },
  { id: "binary-garbage", fileName: "Master.csv", source: () => inChunks(randomBytes(256 * KIB, 7)) },
  { id: "single-line-100mb", fileName: "Master.csv", source: () => singleLine(100 * MIB) },
  { id: "runaway-quote-100mb", fileName: "Master.csv", source: () => runawayQuote(100 * MIB) },
  {
    id: "nul-bytes",
    fileName: "Master.csv",
    source: () => inChunks(Buffer.from(asteriskMaster(20, (index) => {
      if (index === 4) return asteriskRow(index, { callerName: "Recep\u0000tion" });
      if (index === 8) return asteriskRow(index).replace("0312", "\u0000".repeat(8));
      return asteriskRow(index);
    }))),
  },
  { id: "utf-16le-without-bom", fileName: "Master.csv", source: () => inChunks(utf16WithoutBom(asteriskMaster(20), "le")) },
  { id: "utf-16be-without-bom", fileName: "Master.csv", source: () => inChunks(utf16WithoutBom(asteriskMaster(20), "be")) },
  { id: "utf-32le", fileName: "Master.csv", source: () => inChunks(iconv.encode(asteriskMaster(20), "utf-32le", { addBOM: false })) },
  {
    // 64 KB of ASCII rows decide "UTF-8"; later rows carry CP932 (Shift_JIS) names.
    id: "cp932-after-utf8-sample",
    fileName: "Master.csv",
    source: () => inChunks(Buffer.concat([
      Buffer.from(asteriskMaster(300)),
      iconv.encode(asteriskMaster(10, (index) => asteriskRow(300 + index, { callerName: "営業部" })), "cp932"),
    ])),
  },
  {
    id: "ten-thousand-columns",
    fileName: "export.csv",
    source: () => inChunks(Buffer.from(`${Array.from({ length: 10_000 }, (_, index) => `column_${index}`).join(",")}\n${"1,".repeat(9_999)}1\n`)),
  },
  { id: "gzip-bomb-renamed-csv", fileName: "Master.csv", source: () => gzipBomb() },
  { id: "zip-bomb-renamed-csv", fileName: "Master.csv", source: () => zipBomb() },
  { id: "pdf-renamed-csv", fileName: "statement.csv", source: () => inChunks(Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1")) },
  {
    id: "duplicate-headers",
    fileName: "calls.csv",
    source: () => inChunks(Buffer.from(`${TWILIO_HEADER},to\n${Array.from({ length: 5 }, (_, index) => twilioRow(index).replace("\n", ",+15550100\n")).join("")}`)),
  },
  {
    id: "implausible-dates",
    fileName: "Master.csv",
    source: () => inChunks(Buffer.from(asteriskMaster(20, (index) => asteriskRow(index, { start: IMPLAUSIBLE_STARTS[index - 10] })))),
  },
  {
    id: "absurd-duration",
    fileName: "Master.csv",
    source: () => inChunks(Buffer.from(asteriskMaster(20, (index) => asteriskRow(index, { duration: index === 3 ? "99999999999" : undefined })))),
  },
  { id: "empty-file", fileName: "Master.csv", source: () => inChunks(Buffer.alloc(0)) },
  { id: "blank-lines-only", fileName: "Master.csv", source: () => inChunks(Buffer.from("\r\n\n  \n,,,\n")) },
  { id: "header-only", fileName: "calls.csv", source: () => inChunks(Buffer.from(`${TWILIO_HEADER}\n`)) },
  { id: "path-traversal-name", fileName: "../../etc/passwd.csv", source: () => inChunks(Buffer.from(asteriskMaster(3))) },
  { id: "windows-path-name", fileName: "C:\\Users\\op\\..\\..\\Windows\\win.ini.csv", source: () => inChunks(Buffer.from(asteriskMaster(3))) },
  { id: "control-characters-name", fileName: "calls\r\nX-Injected: 1\u0000\u0007.csv", source: () => inChunks(Buffer.from(asteriskMaster(3))) },
  { id: "rtl-override-name", fileName: "invoice\u202Evsc.exe", source: () => inChunks(Buffer.from(asteriskMaster(3))) },
  { id: "announced-too-large", fileName: "Master.csv", announcedBytes: 64 * 1024 ** 4, source: () => inChunks(Buffer.from(asteriskMaster(3))) },
];

export function badInputCase(id: string): BadInputCase {
  const found = BAD_INPUT_CASES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No bad-input case "${id}".`);
  return found;
}
