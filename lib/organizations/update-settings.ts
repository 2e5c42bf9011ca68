import "server-only";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { parseDetectionSettings } from "@/lib/detection/detection-settings.schema";
import { runDetection } from "@/lib/detection/run-detection";
import { InvalidInputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isKnownTimeZone } from "@/lib/ingest/normalize/call-time";
import { OrganizationSettingsInput } from "@/lib/organizations/update-settings.schema";

// Owners and administrators change the organization and its detection settings. The change is
// audited (before and after), and detection re-runs over every day when anything it reads changed,
// so the findings always follow the settings shown.

export async function updateOrganizationSettings(ctx: OrgContext, input: unknown): Promise<{ redetected: boolean }> {
  requirePermission(ctx, "settings");
  const parsed = OrganizationSettingsInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${issue?.path.join(".") || "settings"}: ${issue?.message ?? "invalid"}`, "invalid_settings");
  }
  const next = parsed.data;
  if (!isKnownTimeZone(next.timeZone)) throw new InvalidInputError(`Unknown time zone: ${next.timeZone}`, "unknown_time_zone");
  const before = await ctx.db.prisma.organization.findUniqueOrThrow({
    where: { id: ctx.org.id },
    select: { name: true, countryCode: true, timeZone: true, currency: true, dialOutPrefix: true, detectionSettings: true },
  });
  // Days are organization-local and numbers are read in its country: the rollups and every call's
  // country depend on both, so they are fixed once calls exist (a new organization starts afresh).
  if (before.timeZone !== next.timeZone || before.countryCode !== next.countryCode) {
    const hasCalls = await ctx.db.prisma.dailyStat.findFirst({ where: { orgId: ctx.org.id }, select: { day: true } });
    if (hasCalls) throw new InvalidInputError("The time zone and country cannot change once calls are imported: they decide every call's day and country.", "zone_locked");
  }
  const previousDetection = parseDetectionSettings(before.detectionSettings);
  const detection = { ...next.detection, allowedCountries: [...new Set(next.detection.allowedCountries)].sort(), closedDays: [...new Set(next.detection.closedDays)].sort() };
  const affectsDetection = JSON.stringify(previousDetection) !== JSON.stringify(detection) || before.countryCode !== next.countryCode || before.timeZone !== next.timeZone || before.currency !== next.currency;
  await ctx.db.prisma.$transaction([
    ctx.db.prisma.organization.update({
      where: { id: ctx.org.id },
      data: { name: next.name, countryCode: next.countryCode, timeZone: next.timeZone, currency: next.currency, dialOutPrefix: next.dialOutPrefix, detectionSettings: detection as Prisma.InputJsonValue },
    }),
    ctx.db.prisma.auditLog.create({
      data: {
        orgId: ctx.org.id,
        actorUserId: actorUserId(ctx.actor),
        action: "settings.updated",
        targetType: "organization",
        targetId: ctx.org.id,
        details: JSON.parse(JSON.stringify({ before: { ...before, detectionSettings: previousDetection }, after: { ...next, detection } })) as Prisma.InputJsonValue,
      },
    }),
  ]);
  if (!affectsDetection) return { redetected: false };
  await runDetection({ ...ctx, org: { ...ctx.org, countryCode: next.countryCode, timeZone: next.timeZone, currency: next.currency, dialOutPrefix: next.dialOutPrefix, name: next.name } });
  return { redetected: true };
}
