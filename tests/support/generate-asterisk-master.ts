import { createWriteStream } from "node:fs";
import { once } from "node:events";

// A deterministic Asterisk Master.csv (18 columns, usegmtime=no) for benchmarks: an office's
// month of calls — extensions dialling domestic, mobile and international numbers, inbound calls,
// some unanswered — about 250 bytes a row.

/** Small, fast, seeded PRNG (mulberry32), so every run writes the same file. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

export async function generateAsteriskMaster(path: string, rows: number, seed = 42): Promise<number> {
  const next = random(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2026, 2, 1);
  const spanMs = 30 * 24 * 3600 * 1000;
  let bytes = 0;
  let chunk = "";
  for (let index = 0; index < rows; index++) {
    const startedMs = start + Math.floor((index / rows) * spanMs) + Math.floor(next() * 1000);
    const extension = String(201 + Math.floor(next() * 50));
    const kind = next();
    const external =
      kind < 0.55 ? `03${pad(Math.floor(next() * 1e8), 8)}`
      : kind < 0.8 ? `090${pad(Math.floor(next() * 1e8), 8)}`
      : kind < 0.9 ? `010${["1212555", "44207946", "8621555", "23276"][Math.floor(next() * 4)]}${pad(Math.floor(next() * 1e4), 4)}`
      : extension;
    const isInbound = next() < 0.3;
    const [source, destination] = isInbound ? [external, extension] : [extension, external];
    const isAnswered = next() < 0.75;
    const billsec = isAnswered ? Math.floor(next() * 600) : 0;
    const ring = Math.floor(next() * 20);
    const answered = isAnswered ? `"${stamp(startedMs + ring * 1000)}"` : "";
    const ended = stamp(startedMs + (ring + billsec) * 1000);
    const disposition = isAnswered ? "ANSWERED" : next() < 0.8 ? "NO ANSWER" : "BUSY";
    const context = isInbound ? "from-pstn" : "from-internal";
    const uniqueId = `${Math.floor(startedMs / 1000)}.${index}`;
    const line = `"","${source}","${destination}","${context}","""Office ${extension}"" <${source}>","PJSIP/${extension}-${pad(index % 65536, 8)}","PJSIP/trunk-${pad(index % 65536, 8)}","Dial","PJSIP/${destination}@trunk,60","${stamp(startedMs)}",${answered},"${ended}",${ring + billsec},${billsec},"${disposition}","DOCUMENTATION","${uniqueId}",""\n`;
    chunk += line;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, "finish");
  return bytes;
}
