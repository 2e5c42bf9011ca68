import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { setupAction } from "@/app/(auth)/actions";
import { PASSWORD_MIN } from "@/lib/auth/new-account.schema";
import { hasAnyUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("setupTitle") };
}

// First-run setup: only while nobody has an account.
export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/sign-in");
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t("setupTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("setupIntro")}</p>
      <AuthForm
        action={setupAction}
        fields={[
          { name: "name", label: t("name"), type: "text", autoComplete: "name" },
          { name: "email", label: t("email"), type: "email", autoComplete: "username" },
          { name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password", minLength: PASSWORD_MIN, help: t("passwordHelp", { min: PASSWORD_MIN }) },
        ]}
        submitLabel={t("setupSubmit")}
      />
    </>
  );
}
