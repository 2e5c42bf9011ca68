import "server-only";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";

// `tollwatch push`: sends CDRs to a Tollwatch server's ingest API (POST /api/v1/cdrs) in batches of
// whole lines, retrying with backoff when the server is busy or unreachable. With --state it sends
// only what the file gained since the last run (the byte offset is kept in the state file; a file
// that shrank was rotated and is read from the start), so cron can run it every minute on a PBX.

export const PUSH_USAGE = "tollwatch push --url <https://tollwatch.example.com> --key <API key> [--format <id>] [--file-time-zone <IANA>] [--header] [--batch-lines 5000] [--state <file>] <file|->";

const MAX_ATTEMPTS = 6;

type PushValues = { url: string; key: string; format?: string; fileTimeZone?: string; header: boolean; batchLines: number };

export async function pushCommand(args: string[], log: (line: string) => void, wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      format: { type: "string" },
      "file-time-zone": { type: "string" },
      header: { type: "boolean", default: false },
      "batch-lines": { type: "string", default: "5000" },
      state: { type: "string" },
    },
  });
  const key = values.key ?? getEnv().TOLLWATCH_API_KEY;
  const batchLines = Number(values["batch-lines"]);
  if (!values.url || !key || positionals.length !== 1 || !Number.isInteger(batchLines) || batchLines < 1) throw new InvalidInputError(`Usage: ${PUSH_USAGE}\n(the key may also come from TOLLWATCH_API_KEY)`);
  const options: PushValues = { url: values.url.replace(/\/$/, ""), key, format: values.format, fileTimeZone: values["file-time-zone"], header: values.header, batchLines };
  const path = positionals[0];
  const { text, fromStart, nextOffset } = path === "-" ? { text: await readStdin(), fromStart: true, nextOffset: null } : readNewLines(path, values.state);
  const allLines = text.split(/\r?\n/).filter((line) => line.length > 0);
  // A layout with a header needs it in every batch: it is the file's first line, sent again each time.
  const header = options.header ? (fromStart ? allLines.shift() : firstLine(path)) : undefined;
  const totals = { rows: 0, imported: 0, duplicates: 0, rejected: 0, flaggedDays: 0 };
  for (let start = 0; start < allLines.length; start += batchLines) {
    const batch = allLines.slice(start, start + batchLines);
    const body = `${header ? `${header}\n` : ""}${batch.join("\n")}\n`;
    const result = await sendWithRetries(options, body, log, wait);
    totals.rows += result.summary.rows;
    totals.imported += result.summary.imported;
    totals.duplicates += result.summary.duplicates;
    totals.rejected += result.summary.rejected;
    totals.flaggedDays = Math.max(totals.flaggedDays, result.flags.flaggedDays);
  }
  if (values.state && nextOffset !== null) fs.writeFileSync(values.state, `${path}\n${nextOffset}\n`);
  log(`Sent ${totals.rows} rows: ${totals.imported} new calls, ${totals.duplicates} already known, ${totals.rejected} rejected.`);
  if (totals.flaggedDays > 0) log(`WARNING: Tollwatch flags ${totals.flaggedDays} day(s) of these calls. Look at ${options.url} now.`);
  return 0;
}

type PushAnswer = { summary: { rows: number; imported: number; duplicates: number; rejected: number }; flags: { flaggedDays: number } };

async function sendWithRetries(options: PushValues, body: string, log: (line: string) => void, wait: (ms: number) => Promise<unknown>): Promise<PushAnswer> {
  const query = new URLSearchParams();
  if (options.format) query.set("format", options.format);
  if (options.fileTimeZone) query.set("fileTimeZone", options.fileTimeZone);
  const url = `${options.url}/api/v1/cdrs${query.size > 0 ? `?${query}` : ""}`;
  for (let attempt = 1; ; attempt++) {
    let retryAfterMs = 1000 * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${options.key}`, "content-type": "text/csv; charset=utf-8" }, body });
      if (response.ok) return (await response.json()) as PushAnswer;
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      const message = answer?.error?.message ?? response.statusText;
      if (response.status !== 429 && response.status < 500) throw new InvalidInputError(`The server refused the batch (${response.status}): ${message}`);
      if (response.status === 429) retryAfterMs = Math.max(retryAfterMs, Number(response.headers.get("retry-after") ?? 1) * 1000);
      log(`The server answered ${response.status} (${message}).`);
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      log(`Could not reach ${options.url}: ${error instanceof Error ? error.message : String(error)}.`);
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error(`Gave up after ${MAX_ATTEMPTS} attempts; nothing after this batch was sent (run again to resume).`);
    log(`Retrying in ${Math.round(retryAfterMs / 1000)} s…`);
    await wait(retryAfterMs);
  }
}

/** The file's complete lines after the offset kept in the state file, and the offset after them. */
function readNewLines(path: string, statePath: string | undefined): { text: string; fromStart: boolean; nextOffset: number } {
  const size = fs.statSync(path).size;
  let offset = 0;
  if (statePath && fs.existsSync(statePath)) {
    const [statePathName, stateOffset] = fs.readFileSync(statePath, "utf8").split("\n");
    const saved = Number(stateOffset);
    if (statePathName === path && Number.isInteger(saved) && saved <= size) offset = saved;
  }
  const buffer = Buffer.alloc(size - offset);
  const handle = fs.openSync(path, "r");
  try {
    fs.readSync(handle, buffer, 0, buffer.length, offset);
  } finally {
    fs.closeSync(handle);
  }
  const lastNewline = buffer.lastIndexOf(0x0a);
  const complete = lastNewline < 0 ? Buffer.alloc(0) : buffer.subarray(0, lastNewline + 1);
  return { text: complete.toString("utf8"), fromStart: offset === 0, nextOffset: offset + complete.length };
}

function firstLine(path: string): string | undefined {
  const handle = fs.openSync(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = fs.readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8").split(/\r?\n/)[0] || undefined;
  } finally {
    fs.closeSync(handle);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
