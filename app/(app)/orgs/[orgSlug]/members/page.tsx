import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RowActionForm } from "@/components/ui/row-action-form";
import { can, canAssign, ROLES } from "@/lib/auth/roles";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { listMembers } from "@/lib/members/members";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

const KNOWN_ERRORS = ["last_owner", "forbidden", "invalid_role"] as const;

// Everyone sees who the members are; administrators invite, change roles and remove.
export default async function MembersPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ error?: string }> }) {
  const { orgSlug } = await params;
  const { error } = await searchParams;
  const ctx = await orgContextForPage(orgSlug);
  const t = await getTranslations("members");
  const tRoles = await getTranslations("roles");
  const format = await getFormatter();
  const { members, invitations } = await listMembers(ctx);
  const myRole = ctx.actor.kind === "user" ? ctx.actor.role : "owner";
  const myUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const mayManage = can(myRole, "members");
  const assignable = ROLES.filter((role) => canAssign(myRole, role)).map((role) => ({ value: role, label: tRoles(role) }));
  const errorText = error ? ((KNOWN_ERRORS as readonly string[]).includes(error) ? t(`errors.${error === "invalid_role" ? "invalid_invitation" : (error as "last_owner" | "forbidden")}`) : t("errors.unexpected", { detail: error })) : null;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: ctx.org.timeZone });

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {errorText ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{errorText}</p> : null}
      <Card>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 font-medium">{t("name")}</th>
              <th scope="col" className="py-2 font-medium">{t("email")}</th>
              <th scope="col" className="py-2 font-medium">{t("role")}</th>
              <th scope="col" className="py-2 font-medium">{t("joined")}</th>
              {mayManage ? <th scope="col" className="py-2"><span className="sr-only">{t("changeRole")}</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <tr key={member.id}>
                <td className="py-2">{member.name} {member.userId === myUserId ? <span className="text-slate-500">{t("you")}</span> : null}</td>
                <td className="py-2">{member.email}</td>
                <td className="py-2">{tRoles(member.role)}</td>
                <td className="py-2">{date(member.joinedAt)}</td>
                {mayManage ? (
                  <td className="py-2">
                    {canAssign(myRole, member.role) ? (
                      <div className="flex flex-wrap items-center justify-end gap-2">
                        <form action={changeRoleAction.bind(null, orgSlug)} className="flex items-center gap-2">
                          <input type="hidden" name="memberId" value={member.id} />
                          <label className="sr-only" htmlFor={`role-${member.id}`}>{t("changeRoleOf", { name: member.name })}</label>
                          <select id={`role-${member.id}`} name="role" defaultValue={member.role} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
                            {assignable.map((role) => <option key={role.value} value={role.value}>{role.label}</option>)}
                          </select>
                          <Button type="submit" variant="secondary" className="px-3 py-1">{t("save")}</Button>
                        </form>
                        <form action={removeMemberAction.bind(null, orgSlug)}>
                          <input type="hidden" name="memberId" value={member.id} />
                          <Button type="submit" variant="secondary" className="px-3 py-1">{t("remove")}</Button>
                        </form>
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-4 text-xs text-slate-600">{t("roleHelp")}</p>
      </Card>
      {mayManage ? (
        <>
          <Card title={t("inviteTitle")}>
            <InviteMemberForm action={inviteMemberAction.bind(null, orgSlug)} roles={assignable} />
          </Card>
          <Card title={t("pendingTitle")}>
            {invitations.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noPending")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                    <span>{invitation.email} · {tRoles(invitation.role)} · {t("expires")} {date(invitation.expiresAt)}</span>
                    <RowActionForm action={revokeInvitationAction.bind(null, orgSlug)} fields={{ invitationId: invitation.id }} label={t("revoke")} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </>
  );
}
