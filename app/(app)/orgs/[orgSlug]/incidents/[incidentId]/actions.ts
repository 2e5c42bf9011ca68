"use server";

import { redirect } from "next/navigation";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { orgContextForAction } from "@/lib/http/page-org-context";
import { updateIncident } from "@/lib/incidents/update-incident";
import { wallClockToUtc } from "@/lib/ingest/normalize/call-time";

/** A datetime-local value ("2026-03-14T09:10") read as the organization's wall-clock time. */
function localInstant(value: FormDataEntryValue | null, timeZone: string): string | undefined {
  const text = String(value ?? "").trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return text ? "invalid" : undefined;
  const [, year, month, day, hour, minute] = match.map(Number);
  return new Date(wallClockToUtc(Date.UTC(year, month - 1, day, hour, minute), timeZone)).toISOString();
}

export async function updateIncidentAction(orgSlug: string, incidentId: string, currentStatus: string, formData: FormData): Promise<void> {
  const ctx = await orgContextForAction(orgSlug, "triage");
  const status = String(formData.get("status") ?? "");
  const note = String(formData.get("note") ?? "").trim();
  const allowCountries = formData.getAll("allowCountries").map(String);
  const change = {
    status: status && status !== currentStatus ? status : undefined,
    note: note || undefined,
    blockRequestedAt: localInstant(formData.get("blockRequestedAt"), ctx.org.timeZone),
    blockCompletedAt: localInstant(formData.get("blockCompletedAt"), ctx.org.timeZone),
    allowCountries: status === "false_alarm" && allowCountries.length > 0 ? allowCountries : undefined,
  };
  let outcome = "saved=1";
  try {
    await updateIncident(ctx, incidentId, change);
  } catch (error) {
    if (error instanceof InvalidInputError) outcome = `error=${encodeURIComponent(error.code)}`;
    else if (error instanceof ForbiddenError) outcome = "error=forbidden";
    else throw error;
  }
  redirect(`/orgs/${encodeURIComponent(ctx.org.slug)}/incidents/${incidentId}?${outcome}`);
}
