import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// Stand-ins for the places alerts go: an SMTP server and an HTTP endpoint (webhook or Slack), both
// on 127.0.0.1, recording what arrives and when.

export type ReceivedMail = { at: number; raw: string; subject: string; body: string };
export type ReceivedPost = { at: number; path: string; headers: IncomingHttpHeaders; body: string; json: Record<string, unknown> };

export async function startSmtpReceiver() {
  const { SMTPServer } = await import("smtp-server");
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({ at: Date.now(), raw, subject: decodeSubject(raw), body: decodeBody(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Answers every POST with `status` (changeable), recording the ones it accepted (2xx) and counting all. */
export async function startHttpReceiver() {
  const posts: ReceivedPost[] = [];
  const state = { status: 200, attempts: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      state.attempts++;
      const body = Buffer.concat(chunks).toString("utf8");
      if (state.status < 300) posts.push({ at: Date.now(), path: request.url ?? "/", headers: request.headers, body, json: JSON.parse(body) as Record<string, unknown> });
      response.writeHead(state.status, { "content-type": "text/plain" }).end(state.status < 300 ? "ok" : "unavailable");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, posts, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function decodeSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header.replace(/\r?\n[ \t]/g, " ").replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_match, encoding: string, text: string) =>
    encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")));
}

function decodeBody(raw: string): string {
  const [headers, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) return decodeQuotedPrintable(body.replace(/=\r?\n/g, ""));
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...Buffer.from(text[index], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
