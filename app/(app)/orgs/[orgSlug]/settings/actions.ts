"use server";

import { redirect } from "next/navigation";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { deleteSavedMapping } from "@/lib/ingest/formats/column-mapping/manage-column-mappings";
import { orgContextForAction } from "@/lib/http/page-org-context";
import { updateOrganizationSettings } from "@/lib/organizations/update-settings";
import { DETECTION_RULES } from "@/lib/detection/rules/registry";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();
const lines = (value: string) => value.split(/[\n,]+/).map((line) => line.trim()).filter(Boolean);

/** The settings form as the settings document (validated by updateOrganizationSettings). */
function settingsFromForm(formData: FormData, existingRules: Record<string, { enabled: boolean; params: Record<string, number> }>) {
  const rates: Record<string, number> = {};
  for (const line of lines(text(formData, "ratesPerMinute").replace(/,/g, "\n"))) {
    const match = /^([A-Za-z]{2})\s*[=:\s]\s*([\d.]+)$/.exec(line);
    if (!match) throw new InvalidInputError(`Not a rate ("SL 250"): ${line}`, "invalid_settings");
    rates[match[1].toUpperCase()] = Number(match[2]);
  }
  const rules: Record<string, { enabled: boolean; params: Record<string, number> }> = {};
  for (const rule of DETECTION_RULES) rules[rule.id] = { enabled: formData.get(`rule:${rule.id}`) === "on", params: existingRules[rule.id]?.params ?? {} };
  const linesValue = text(formData, "lines");
  return {
    name: text(formData, "name"),
    countryCode: text(formData, "countryCode"),
    timeZone: text(formData, "timeZone"),
    currency: text(formData, "currency"),
    dialOutPrefix: text(formData, "dialOutPrefix") || null,
    detection: {
      businessHours: { startHour: Number(text(formData, "startHour")), endHour: Number(text(formData, "endHour")), weekdays: formData.getAll("weekdays").map(Number) },
      holidayCalendar: text(formData, "holidayCalendar"),
      closedDays: lines(text(formData, "closedDays")),
      allowedCountries: lines(text(formData, "allowedCountries")).map((code) => code.toUpperCase()),
      rules,
      ratesPerMinute: rates,
      lines: linesValue ? Number(linesValue) : null,
    },
  };
}

export async function updateSettingsAction(orgSlug: string, existingRules: Record<string, { enabled: boolean; params: Record<string, number> }>, formData: FormData): Promise<void> {
  const ctx = await orgContextForAction(orgSlug, "settings");
  let outcome: string;
  try {
    const { redetected } = await updateOrganizationSettings(ctx, settingsFromForm(formData, existingRules));
    outcome = redetected ? "saved=redetected" : "saved=1";
  } catch (error) {
    if (error instanceof InvalidInputError) outcome = `error=${encodeURIComponent(error.code)}&detail=${encodeURIComponent(error.message.slice(0, 300))}`;
    else if (error instanceof ForbiddenError) outcome = "error=forbidden";
    else throw error;
  }
  redirect(`/orgs/${encodeURIComponent(orgSlug)}/settings?${outcome}`);
}

export async function deleteMappingAction(orgSlug: string, formData: FormData): Promise<void> {
  const ctx = await orgContextForAction(orgSlug, "settings");
  await deleteSavedMapping(ctx, String(formData.get("mappingId") ?? "")).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
  redirect(`/orgs/${encodeURIComponent(ctx.org.slug)}/settings#mappings`);
}
