import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { getEnv } from "@/lib/env";
import { isMailConfigured } from "@/lib/mail/send-mail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgotTitle") };
}

// With SMTP configured, a reset link by email; without, the way through an administrator.
export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t("forgotTitle")}</h1>
      {isMailConfigured(getEnv()) ? (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("forgotIntro")}</p>
          <AuthForm action={forgotPasswordAction} fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "username" }]} submitLabel={t("forgotSubmit")} />
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("forgotPassword")}</p>
      )}
      <Link href="/sign-in" className="mt-4 inline-block text-sm text-brand-700 hover:underline">{t("backToSignIn")}</Link>
    </>
  );
}
