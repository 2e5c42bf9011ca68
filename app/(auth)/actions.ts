"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { createUserWithPassword } from "@/lib/auth/create-user";
import { completeFirstRunSetup } from "@/lib/auth/first-run-setup";
import { NewAccount, PASSWORD_MIN } from "@/lib/auth/new-account.schema";
import { currentUser, isLocalPath } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { acceptInvitation, findInvitation } from "@/lib/members/members";

// Sign-in, first-run setup, password reset and accepting an invitation: forms that work without
// JavaScript. Errors come back as stable codes the forms translate.

/** An error code or a notice code, and the email address typed, which the form shows again (React resets forms after an action). */
export type AuthFormState = { error?: string; notice?: string; email?: string } | null;

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

async function signIn(email: string, password: string): Promise<void> {
  await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
}

export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const next = text(formData, "next");
  const email = text(formData, "email").trim().toLowerCase();
  try {
    await signIn(email, text(formData, "password"));
  } catch (error) {
    if (error instanceof APIError) return { error: error.statusCode === 429 ? "locked" : "invalid_credentials", email };
    throw error;
  }
  redirect(next && isLocalPath(next) ? next : "/");
}

export async function setupAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const account = { name: text(formData, "name"), email: text(formData, "email"), password: text(formData, "password") };
  try {
    await completeFirstRunSetup(getDatabase(), getAuth(), account);
    await signIn(account.email.trim().toLowerCase(), account.password);
  } catch (error) {
    if (error instanceof InvalidInputError) return { error: error.code === "setup_done" ? "setup_done" : "invalid_account", email: account.email };
    throw error;
  }
  redirect("/");
}

export async function acceptInvitationAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const token = text(formData, "token");
  const db = getDatabase();
  let orgSlug: string;
  try {
    const signedIn = await currentUser();
    if (signedIn) {
      orgSlug = (await acceptInvitation(db, token, signedIn)).orgSlug;
    } else {
      const invitation = await findInvitation(db, token);
      if (!invitation || invitation.state !== "valid") return { error: "invitation_invalid" };
      const account = NewAccount.safeParse({ name: text(formData, "name"), email: invitation.email, password: text(formData, "password") });
      if (!account.success) return { error: "invalid_account" };
      const user = await createUserWithPassword(getAuth(), account.data);
      orgSlug = (await acceptInvitation(db, token, user)).orgSlug;
      await signIn(account.data.email, account.data.password);
    }
  } catch (error) {
    if (error instanceof InvalidInputError) return { error: error.code === "email_taken" ? "email_taken" : "invitation_invalid" };
    if (error instanceof ForbiddenError) return { error: "wrong_account" };
    throw error;
  }
  redirect(`/orgs/${orgSlug}`);
}

/** Emails a reset link when SMTP is configured; the answer is the same whether or not the address has an account. */
export async function forgotPasswordAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const env = getEnv();
  if (!isMailConfigured(env)) return { error: "mail_not_configured" };
  const email = text(formData, "email").trim().toLowerCase();
  const origin = env.TOLLWATCH_PUBLIC_URL ? new URL(env.TOLLWATCH_PUBLIC_URL).origin : `http://${(await headers()).get("host") ?? "localhost"}`;
  try {
    await getAuth().api.requestPasswordReset({ body: { email, redirectTo: `${origin}/reset-password` } });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    console.error(`Password reset email to ${email} failed: ${error.message}`);
  }
  return { notice: "reset_sent", email };
}

export async function resetPasswordAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const password = text(formData, "password");
  if (password.length < PASSWORD_MIN || password.length > 128) return { error: "weak_password" };
  try {
    await getAuth().api.resetPassword({ body: { newPassword: password, token: text(formData, "token") } });
  } catch (error) {
    if (error instanceof APIError) return { error: "reset_invalid" };
    throw error;
  }
  redirect("/sign-in?reset=1");
}

export async function signOutAction(formData: FormData): Promise<void> {
  const requestHeaders = await headers();
  if (formData.get("everywhere") === "1") await getAuth().api.revokeSessions({ headers: requestHeaders });
  await getAuth().api.signOut({ headers: requestHeaders });
  redirect("/sign-in");
}
