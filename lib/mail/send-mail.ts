import "server-only";
import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";

// Email, only when an SMTP server is configured (TOLLWATCH_SMTP_URL); without one, Tollwatch shows
// links on screen or prints them with the CLI instead. Messages are plain text, Japanese then English.

export type Mail = { to: string; subject: string; text: string };

export function isMailConfigured(env: Env): boolean {
  return Boolean(env.TOLLWATCH_SMTP_URL);
}

export async function sendMail(env: Env, mail: Mail): Promise<void> {
  if (!env.TOLLWATCH_SMTP_URL) throw new Error("No SMTP server is configured (TOLLWATCH_SMTP_URL).");
  const transport = nodemailer.createTransport(env.TOLLWATCH_SMTP_URL);
  try {
    await transport.sendMail({ from: env.TOLLWATCH_MAIL_FROM, ...mail });
  } finally {
    transport.close();
  }
}
