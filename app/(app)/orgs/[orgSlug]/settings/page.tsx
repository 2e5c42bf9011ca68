import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RowActionForm } from "@/components/ui/row-action-form";
import { parseDetectionSettings } from "@/lib/detection/detection-settings.schema";
import { DETECTION_RULES } from "@/lib/detection/rules/registry";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { listSavedMappings } from "@/lib/ingest/formats/column-mapping/manage-column-mappings";
import { deleteMappingAction, updateSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm disabled:bg-slate-100";
const ERRORS = ["invalid_settings", "unknown_time_zone", "zone_locked", "forbidden"] as const;

// Owners and administrators: the organization, its business hours and holidays, allowed
// destinations, lines, rates and rules. Saving re-runs detection when anything it reads changed.
export default async function SettingsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ saved?: string; error?: string; detail?: string }> }) {
  const { orgSlug } = await params;
  const { saved, error, detail } = await searchParams;
  const ctx = await orgContextForPage(orgSlug, "settings");
  const t = await getTranslations("settings");
  const locale = await getLocale();
  const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { detectionSettings: true } });
  const settings = parseDetectionSettings(org.detectionSettings);
  const mappings = await listSavedMappings(ctx);
  const hasCalls = (await ctx.db.prisma.dailyStat.findFirst({ where: { orgId: ctx.org.id }, select: { day: true } })) !== null;
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const zones = Intl.supportedValuesOf("timeZone");
  const errorText = error ? `${t(`errors.${(ERRORS as readonly string[]).includes(error) ? (error as (typeof ERRORS)[number]) : "invalid_settings"}`)}${detail ? ` (${detail})` : ""}` : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {saved ? <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">{saved === "redetected" ? t("savedRedetected") : t("saved")}</p> : null}
      {errorText ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{errorText}</p> : null}
      <form action={updateSettingsAction.bind(null, ctx.org.slug, settings.rules)} className="space-y-6 text-sm">
        <Card title={t("organizationTitle")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <label htmlFor="settings-name" className="font-medium">{t("name")}</label>
              <input id="settings-name" name="name" required maxLength={120} defaultValue={ctx.org.name} className={FIELD} />
            </div>
            <div>
              <label htmlFor="settings-country" className="font-medium">{t("country")}</label>
              {hasCalls ? <input type="hidden" name="countryCode" value={ctx.org.countryCode} /> : null}
              <input id="settings-country" name={hasCalls ? undefined : "countryCode"} required pattern="[A-Za-z]{2}" maxLength={2} defaultValue={ctx.org.countryCode} disabled={hasCalls} className={`${FIELD} uppercase`} aria-describedby="settings-zone-help" />
            </div>
            <div>
              <label htmlFor="settings-zone" className="font-medium">{t("timeZone")}</label>
              {hasCalls ? <input type="hidden" name="timeZone" value={ctx.org.timeZone} /> : null}
              <select id="settings-zone" name={hasCalls ? undefined : "timeZone"} defaultValue={ctx.org.timeZone} disabled={hasCalls} className={FIELD} aria-describedby="settings-zone-help">
                {(zones.includes(ctx.org.timeZone) ? zones : [ctx.org.timeZone, ...zones]).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
              </select>
            </div>
            <p id="settings-zone-help" className="text-xs text-slate-600 sm:col-span-2">{hasCalls ? t("zoneLocked") : t("zoneHelp")}</p>
            <div>
              <label htmlFor="settings-currency" className="font-medium">{t("currency")}</label>
              <input id="settings-currency" name="currency" required pattern="[A-Za-z]{3}" maxLength={3} defaultValue={ctx.org.currency} className={`${FIELD} uppercase`} />
            </div>
            <div>
              <label htmlFor="settings-prefix" className="font-medium">{t("dialOutPrefix")}</label>
              <input id="settings-prefix" name="dialOutPrefix" pattern="\d{1,3}" maxLength={3} defaultValue={ctx.org.dialOutPrefix ?? ""} className={FIELD} aria-describedby="settings-prefix-help" />
              <p id="settings-prefix-help" className="mt-1 text-xs text-slate-600">{t("dialOutPrefixHelp")}</p>
            </div>
          </div>
        </Card>
        <Card title={t("hoursTitle")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor="settings-start" className="font-medium">{t("opensAt")}</label>
              <input id="settings-start" name="startHour" type="number" min={0} max={23} required defaultValue={settings.businessHours.startHour} className={FIELD} />
            </div>
            <div>
              <label htmlFor="settings-end" className="font-medium">{t("closesAt")}</label>
              <input id="settings-end" name="endHour" type="number" min={1} max={24} required defaultValue={settings.businessHours.endHour} className={FIELD} />
            </div>
            <fieldset className="sm:col-span-2">
              <legend className="font-medium">{t("openDays")}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {[1, 2, 3, 4, 5, 6, 0].map((weekday) => (
                  <label key={weekday} className="flex items-center gap-2">
                    <input type="checkbox" name="weekdays" value={weekday} defaultChecked={settings.businessHours.weekdays.includes(weekday)} />
                    {weekdayName.format(new Date(Date.UTC(2026, 0, 4 + weekday)))}
                  </label>
                ))}
              </div>
            </fieldset>
            <div>
              <label htmlFor="settings-holidays" className="font-medium">{t("holidays")}</label>
              <select id="settings-holidays" name="holidayCalendar" defaultValue={settings.holidayCalendar} className={FIELD}>
                <option value="JP">{t("holidaysJp")}</option>
                <option value="none">{t("holidaysNone")}</option>
              </select>
            </div>
            <div>
              <label htmlFor="settings-closed" className="font-medium">{t("closedDays")}</label>
              <textarea id="settings-closed" name="closedDays" rows={3} defaultValue={settings.closedDays.join("\n")} placeholder="2026-12-29" className={FIELD} aria-describedby="settings-closed-help" />
              <p id="settings-closed-help" className="mt-1 text-xs text-slate-600">{t("closedDaysHelp")}</p>
            </div>
          </div>
        </Card>
        <Card title={t("detectionTitle")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor="settings-allowed" className="font-medium">{t("allowedCountries")}</label>
              <input id="settings-allowed" name="allowedCountries" defaultValue={settings.allowedCountries.join(", ")} placeholder="VN, US" className={FIELD} aria-describedby="settings-allowed-help" />
              <p id="settings-allowed-help" className="mt-1 text-xs text-slate-600">{t("allowedCountriesHelp")}</p>
            </div>
            <div>
              <label htmlFor="settings-lines" className="font-medium">{t("lines")}</label>
              <input id="settings-lines" name="lines" type="number" min={1} defaultValue={settings.lines ?? ""} className={FIELD} aria-describedby="settings-lines-help" />
              <p id="settings-lines-help" className="mt-1 text-xs text-slate-600">{t("linesHelp")}</p>
            </div>
            <div className="sm:col-span-2">
              <label htmlFor="settings-rates" className="font-medium">{t("rates", { currency: ctx.org.currency })}</label>
              <textarea id="settings-rates" name="ratesPerMinute" rows={3} defaultValue={Object.entries(settings.ratesPerMinute).map(([code, rate]) => `${code} ${rate}`).join("\n")} placeholder="SL 250" className={FIELD} aria-describedby="settings-rates-help" />
              <p id="settings-rates-help" className="mt-1 text-xs text-slate-600">{t("ratesHelp")}</p>
            </div>
            <fieldset className="sm:col-span-2">
              <legend className="font-medium">{t("rules")}</legend>
              <p className="text-xs text-slate-600">{t("rulesHelp")}</p>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {DETECTION_RULES.map((rule) => (
                  <label key={rule.id} className="flex items-center gap-2">
                    <input type="checkbox" name={`rule:${rule.id}`} defaultChecked={settings.rules[rule.id]?.enabled ?? true} />
                    <span>{t(`ruleNames.${rule.id}`)} <span className="font-mono text-xs text-slate-500">{rule.id}</span></span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        </Card>
        <Button type="submit">{t("save")}</Button>
      </form>
      <Card title={t("mappingsTitle")}>
        <div id="mappings" className="text-sm">
          {mappings.length === 0 ? <p className="text-slate-600">{t("mappingsNone")}</p> : (
            <table className="w-full text-left" data-table="column-mappings">
              <thead className="text-slate-600">
                <tr><th scope="col" className="py-2 pr-3 font-medium">{t("mappingName")}</th><th scope="col" className="py-2 pr-3 text-right font-medium">{t("mappingColumns")}</th><th scope="col" className="py-2 pr-3 text-right font-medium">{t("mappingUploads")}</th><th scope="col" className="py-2"><span className="sr-only">{t("mappingDelete")}</span></th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {mappings.map((mapping) => (
                  <tr key={mapping.id}>
                    <td className="py-2 pr-3">{mapping.name}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{mapping.columns ?? "—"}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{mapping.uploads}</td>
                    <td className="py-2 text-right">
                      <RowActionForm action={deleteMappingAction.bind(null, ctx.org.slug)} fields={{ mappingId: mapping.id }} label={t("mappingDelete")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-3 text-xs text-slate-600">{t("mappingsHelp")}</p>
        </div>
      </Card>
    </>
  );
}
