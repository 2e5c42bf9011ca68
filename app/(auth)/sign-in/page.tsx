import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { signInAction } from "@/app/(auth)/actions";
import { currentUser, hasAnyUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentUser()) redirect("/");
  const { next, reset } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t("signInTitle")}</h1>
      {reset ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">{t("resetDone")}</p> : null}
      <AuthForm
        action={signInAction}
        hidden={{ next: next ?? "" }}
        fields={[
          { name: "email", label: t("email"), type: "email", autoComplete: "username" },
          { name: "password", label: t("password"), type: "password", autoComplete: "current-password" },
        ]}
        submitLabel={t("signIn")}
      />
      <Link href="/forgot-password" className="mt-4 inline-block text-sm text-brand-700 hover:underline">{t("forgotLink")}</Link>
    </>
  );
}
