import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CdrText } from "@/components/ui/cdr-text";
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, CALL_SORTS, callsFilterQuery, parseCallsFilter } from "@/lib/calls/calls-filter.schema";
import { hasPermission } from "@/lib/db/org-context";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { CALLS_PAGE_SIZE, getCallsPage } from "@/lib/queries/calls-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calls"))("title") };
}

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const TH = "py-2 pr-3 font-medium";

// The calls explorer: filters in the URL (a GET form, so every view is a link), keyset pages.
export default async function CallsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgSlug } = await params;
  const ctx = await orgContextForPage(orgSlug);
  const filter = parseCallsFilter(await searchParams);
  const page = await getCallsPage(ctx, filter);
  const t = await getTranslations("calls");
  const day = await getTranslations("day");
  const format = await getFormatter();
  const regions = new Intl.DisplayNames([await getLocale()], { type: "region" });
  const base = `/orgs/${ctx.org.slug}/calls`;
  const query = callsFilterQuery(filter);
  const mayExport = hasPermission(ctx.actor, "export");
  const time = (value: Date) => format.dateTime(value, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: ctx.org.timeZone });
  const countryName = (code: string) => {
    try {
      return regions.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const exportHref = (mask: boolean) => `/api/orgs/${ctx.org.id}/calls/export?${callsFilterQuery(filter, mask ? { mask: "1" } : {})}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { zone: ctx.org.timeZone })} />
      <Card>
        <form method="get" action={base} aria-label={t("filtersLabel")} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-form="call-filters">
          <Field id="f-from" label={t("from")}><input id="f-from" name="from" type="date" defaultValue={filter.from} className={FIELD} /></Field>
          <Field id="f-to" label={t("to")}><input id="f-to" name="to" type="date" defaultValue={filter.to} className={FIELD} /></Field>
          <Field id="f-direction" label={t("direction")}>
            <select id="f-direction" name="direction" defaultValue={filter.direction ?? ""} className={FIELD}>
              <option value="">{t("allValues")}</option>
              {CALL_DIRECTIONS.map((value) => <option key={value} value={value}>{day(`directions.${value}`)}</option>)}
            </select>
          </Field>
          <Field id="f-disposition" label={t("disposition")}>
            <select id="f-disposition" name="disposition" defaultValue={filter.disposition ?? ""} className={FIELD}>
              <option value="">{t("allValues")}</option>
              {CALL_DISPOSITIONS.map((value) => <option key={value} value={value}>{day(`dispositions.${value}`)}</option>)}
            </select>
          </Field>
          <Field id="f-country" label={t("country")}><input id="f-country" name="country" defaultValue={filter.country} maxLength={2} placeholder="SL" className={FIELD} /></Field>
          <Field id="f-number" label={t("number")} help={t("numberHelp")}><input id="f-number" name="number" defaultValue={filter.number} maxLength={21} inputMode="tel" className={FIELD} /></Field>
          <Field id="f-source" label={t("source")}><input id="f-source" name="source" defaultValue={filter.source} maxLength={100} className={FIELD} /></Field>
          <Field id="f-min" label={t("minSeconds")}><input id="f-min" name="minSeconds" type="number" min={0} defaultValue={filter.minSeconds} className={FIELD} /></Field>
          <Field id="f-max" label={t("maxSeconds")}><input id="f-max" name="maxSeconds" type="number" min={0} defaultValue={filter.maxSeconds} className={FIELD} /></Field>
          <Field id="f-sort" label={t("sort")}>
            <select id="f-sort" name="sort" defaultValue={filter.sort} className={FIELD}>
              {CALL_SORTS.map((value) => <option key={value} value={value}>{t(`sorts.${value}`)}</option>)}
            </select>
          </Field>
          <div className="sm:col-span-2 lg:col-span-2">
            <label className="mt-6 flex items-start gap-2 text-sm">
              <input type="checkbox" name="flagged" value="1" defaultChecked={filter.flagged === "1"} className="mt-1" aria-describedby="f-flagged-help" />
              <span>{t("flagged")}<span id="f-flagged-help" className="block text-xs text-slate-600">{t("flaggedHelp")}</span></span>
            </label>
          </div>
          <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
            <Button type="submit">{t("apply")}</Button>
            <ButtonLink href={base} variant="secondary">{t("reset")}</ButtonLink>
          </div>
        </form>
      </Card>
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm font-medium" data-testid="calls-matching" data-count={page.matching} data-capped={page.isCapped}>
            {page.isCapped ? t("matchingCapped", { count: format.number(page.matching) }) : t("matching", { count: format.number(page.matching) })}
          </p>
          {mayExport && page.matching > 0 ? (
            <div className="flex flex-wrap items-center gap-2">
              <a className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100" href={exportHref(false)} download>{t("export")}</a>
              <a className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100" href={exportHref(true)} download>{t("exportMasked")}</a>
            </div>
          ) : null}
        </div>
        {mayExport && page.matching > 0 ? <p className="mb-3 text-xs text-slate-600">{t("exportHelp", { zone: ctx.org.timeZone })}</p> : null}
        {page.calls.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-table="calls">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className={TH}>{t("time")}</th>
                  <th scope="col" className={TH}>{t("direction")}</th>
                  <th scope="col" className={TH}>{day("source")}</th>
                  <th scope="col" className={TH}>{t("account")}</th>
                  <th scope="col" className={TH}>{t("destination")}</th>
                  <th scope="col" className={TH}>{day("country")}</th>
                  <th scope="col" className={TH}>{t("disposition")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("seconds")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("cost")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.calls.map((call, index) => (
                  <tr key={index} data-started-at={call.startedAt.toISOString()}>
                    <td className="whitespace-nowrap py-1 pr-3 tabular-nums">{time(call.startedAt)}</td>
                    <td className="py-1 pr-3">{day(`directions.${call.direction as "outbound"}`)}</td>
                    <td className="py-1 pr-3"><CdrText text={call.source} /></td>
                    <td className="py-1 pr-3">{call.accountCode ? <CdrText text={call.accountCode} /> : "—"}</td>
                    <td className="py-1 pr-3 font-mono text-xs"><CdrText text={call.destination} /></td>
                    <td className="py-1 pr-3">{call.country ? countryName(call.country) : "—"}</td>
                    <td className="py-1 pr-3">{day(`dispositions.${call.disposition as "answered"}`)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{format.number(call.billableSeconds)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{call.cost === null ? "—" : `${format.number(Number(call.cost))}${call.currency ? ` ${call.currency}` : ""}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="mt-4 flex justify-between text-sm" aria-label={t("title")}>
          {filter.after ? <Link className="text-brand-700 underline" href={`${base}${query ? `?${query}` : ""}`}>{t("first")}</Link> : <span />}
          {page.next ? <Link className="text-brand-700 underline" rel="next" href={`${base}?${callsFilterQuery(filter, { after: page.next })}`}>{t("next", { size: CALLS_PAGE_SIZE })}</Link> : null}
        </nav>
      </Card>
    </>
  );
}

function Field({ id, label, help, children }: { id: string; label: string; help?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
      {help ? <p className="mt-1 text-xs text-slate-600">{help}</p> : null}
    </div>
  );
}

