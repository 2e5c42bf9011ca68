import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { PASSWORD_MIN } from "@/lib/auth/new-account.schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("resetTitle") };
}

// Reached from the link `tollwatch user reset-password` prints (or the reset email).
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t("resetTitle")}</h1>
      {token ? (
        <AuthForm
          action={resetPasswordAction}
          hidden={{ token }}
          fields={[{ name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password", minLength: PASSWORD_MIN, help: t("passwordHelp", { min: PASSWORD_MIN }) }]}
          submitLabel={t("resetSubmit")}
        />
      ) : (
        <p role="alert" className="text-sm text-red-800">{t("errors.reset_invalid")}</p>
      )}
    </>
  );
}
