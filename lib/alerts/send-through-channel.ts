import "server-only";
import { createHmac } from "node:crypto";
import { emailAddresses, type AlertChannelKind } from "@/lib/alerts/alert-channels.schema";
import type { AlertMessage } from "@/lib/alerts/compose-alert";
import type { Env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

// One attempt to hand an alert to a channel: SMTP for email; a POST for webhooks — the JSON document,
// signed with the channel's secret — and for Slack-compatible webhooks, whose body is { text }.
// Throws with a short reason on any failure (refused, timed out, non-2xx); the job retries.

export type ChannelTarget = { kind: AlertChannelKind; target: string; secret: string | null };

const TIMEOUT_MS = 10_000;

export async function sendThroughChannel(env: Env, channel: ChannelTarget, message: AlertMessage, deliveryId: string): Promise<void> {
  if (channel.kind === "email") {
    await sendMail(env, { to: emailAddresses(channel.target).join(", "), subject: message.subject, text: message.text });
    return;
  }
  const body = JSON.stringify(channel.kind === "slack" ? { text: `*${message.subject}*\n${message.text}` } : message.document);
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "user-agent": "Tollwatch-Alerts", "x-tollwatch-delivery": deliveryId };
  if (channel.secret) headers["x-tollwatch-signature"] = `sha256=${createHmac("sha256", channel.secret).update(body).digest("hex")}`;
  const response = await fetch(channel.target, { method: "POST", headers, body, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    const detail = (await response.text().catch(() => "")).replace(/\s+/g, " ").slice(0, 200);
    throw new Error(`HTTP ${response.status}${detail ? `: ${detail}` : ""}`);
  }
  await response.body?.cancel().catch(() => undefined);
}

/** A failure as one short line for the incident's history. */
export function failureReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const text = error instanceof Error ? `${error.message}${cause}` : String(error);
  return text.replace(/\s+/g, " ").slice(0, 300);
}
