"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { isMailConfigured, sendMail } from "@/lib/mail/send-mail";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { orgContextForAction } from "@/lib/http/page-org-context";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/lib/members/members";

export type InviteState = { ok: true; email: string; link: string } | { ok: false; error: string; detail?: string } | null;

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The link is built from the public URL when configured, else from the address this page was opened at. */
async function siteOrigin(): Promise<string> {
  const publicUrl = getEnv().TOLLWATCH_PUBLIC_URL;
  if (publicUrl) return new URL(publicUrl).origin;
  const requestHeaders = await headers();
  return `http://${requestHeaders.get("host") ?? "localhost"}`;
}

export async function inviteMemberAction(orgSlug: string, _previous: InviteState, formData: FormData): Promise<InviteState> {
  const email = text(formData, "email");
  try {
    const ctx = await orgContextForAction(orgSlug, "members");
    const { token } = await inviteMember(ctx, { email, role: text(formData, "role") });
    revalidatePath(`/orgs/${ctx.org.slug}/members`);
    const link = `${await siteOrigin()}/invite/${token}`;
    const env = getEnv();
    if (isMailConfigured(env)) {
      await sendMail(env, {
        to: email.trim().toLowerCase(),
        subject: `Tollwatch: ${ctx.org.name} への招待 / Invitation to ${ctx.org.name}`,
        text: [`Tollwatch の「${ctx.org.name}」に招待されました。7日以内に次のリンクを開いて参加してください。`, "", link, "", `You are invited to "${ctx.org.name}" on Tollwatch. Open this link within seven days to join.`].join("\n"),
      }).catch((error: unknown) => console.error(`Invitation email to ${email} failed:`, error));
    }
    return { ok: true, email: email.trim().toLowerCase(), link };
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, error: error.code, detail: error.message };
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    throw error;
  }
}

async function thenBack(orgSlug: string, work: () => Promise<void>): Promise<never> {
  let error: string | null = null;
  try {
    await work();
  } catch (caught) {
    if (caught instanceof InvalidInputError) error = caught.code;
    else if (caught instanceof ForbiddenError) error = "forbidden";
    else if (!(caught instanceof NotFoundError)) throw caught;
  }
  redirect(`/orgs/${encodeURIComponent(orgSlug)}/members${error ? `?error=${encodeURIComponent(error)}` : ""}`);
}

export async function changeRoleAction(orgSlug: string, formData: FormData): Promise<void> {
  await thenBack(orgSlug, async () => changeMemberRole(await orgContextForAction(orgSlug, "members"), { memberId: text(formData, "memberId"), role: text(formData, "role") }));
}

export async function removeMemberAction(orgSlug: string, formData: FormData): Promise<void> {
  await thenBack(orgSlug, async () => removeMember(await orgContextForAction(orgSlug, "members"), text(formData, "memberId")));
}

export async function revokeInvitationAction(orgSlug: string, formData: FormData): Promise<void> {
  await thenBack(orgSlug, async () => revokeInvitation(await orgContextForAction(orgSlug, "members"), text(formData, "invitationId")));
}
