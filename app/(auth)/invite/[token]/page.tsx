import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { acceptInvitationAction } from "@/app/(auth)/actions";
import { PASSWORD_MIN } from "@/lib/auth/new-account.schema";
import { currentUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { findInvitation } from "@/lib/members/members";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("inviteTitle") };
}

// An invitation link: a new person chooses a name and password; someone signed in as the invited
// address joins with one click.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const tRoles = await getTranslations("roles");
  const invitation = await findInvitation(getDatabase(), token);
  if (!invitation || invitation.state !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">{t("inviteTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">{t("errors.invitation_invalid")}</p>
      </>
    );
  }
  const user = await currentUser();
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t("inviteTitle")}</h1>
      <p className="mb-4 text-sm text-slate-700">{t("inviteIntro", { org: invitation.orgName, role: tRoles(invitation.role) })}</p>
      {user ? (
        <AuthForm action={acceptInvitationAction} hidden={{ token }} fields={[]} submitLabel={t("inviteJoin", { email: user.email })} />
      ) : (
        <AuthForm
          action={acceptInvitationAction}
          hidden={{ token }}
          fields={[
            { name: "email", label: t("email"), type: "email", autoComplete: "username", defaultValue: invitation.email, readOnly: true },
            { name: "name", label: t("name"), type: "text", autoComplete: "name" },
            { name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password", minLength: PASSWORD_MIN, help: t("passwordHelp", { min: PASSWORD_MIN }) },
          ]}
          submitLabel={t("inviteAccept")}
        />
      )}
    </>
  );
}
