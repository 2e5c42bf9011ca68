import "server-only";
import type { ResetLinkSender } from "@/lib/auth/auth";
import type { Env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

// The web server's password-reset delivery: by email when SMTP is configured. The link leads to the
// reset page of the address the person asked from (or the public URL).

export function emailResetLinks(env: Env): ResetLinkSender | undefined {
  if (!env.TOLLWATCH_SMTP_URL) return undefined;
  return async ({ email, token, resetPage }) => {
    const link = `${resetPage}?token=${encodeURIComponent(token)}`;
    await sendMail(env, {
      to: email,
      subject: "Tollwatch: パスワードの再設定 / Reset your password",
      text: [
        "Tollwatch のパスワードを再設定するには、1時間以内に次のリンクを開いてください。",
        "心当たりがない場合は、このメールを無視してください。",
        "",
        link,
        "",
        "To choose a new Tollwatch password, open this link within one hour.",
        "If you did not ask for it, ignore this email.",
      ].join("\n"),
    });
  };
}
