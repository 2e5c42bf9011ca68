import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertActionForm } from "@/components/alerts/alert-action-form";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { RowActionForm } from "@/components/ui/row-action-form";
import { ALERT_CHANNEL_KINDS } from "@/lib/alerts/alert-channels.schema";
import { listAlertChannels } from "@/lib/alerts/alert-channels";
import { costStepsOf, defaultCostSteps } from "@/lib/alerts/cost-steps";
import { getEnv } from "@/lib/env";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { getRecentDeliveries } from "@/lib/queries/alerts-page";
import { createAlertChannelAction, removeAlertChannelAction, testAlertChannelAction, toggleAlertChannelAction, updateCostStepsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("title") };
}

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

// Owners and administrators: where alerts go, when follow-ups are sent, and what was sent.
export default async function AlertsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await orgContextForPage(orgSlug, "settings");
  const t = await getTranslations("alerts");
  const severities = await getTranslations("overview.severities");
  const format = await getFormatter();
  const [channels, deliveries, org] = await Promise.all([
    listAlertChannels(ctx),
    getRecentDeliveries(ctx),
    ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { alertCostSteps: true, currency: true } }),
  ]);
  const money = (value: number) => format.number(value, { style: "currency", currency: ctx.org.currency, maximumFractionDigits: 0 });
  const base = `/orgs/${ctx.org.slug}`;
  const hasEmail = channels.some((channel) => channel.kind === "email");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {hasEmail && !isMailConfigured(getEnv()) ? <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("smtpMissing")}</p> : null}
      <Card title={t("channelsTitle")}>
        {channels.length === 0 ? <p className="text-sm text-slate-600">{t("noChannels")}</p> : (
          <ul className="divide-y divide-slate-100">
            {channels.map((channel) => (
              <li key={channel.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="alert-channel">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">{channel.name} <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t(`kinds.${channel.kind}`)}</span> <span className={`ml-1 rounded px-2 py-0.5 text-xs ${channel.enabled ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-600"}`}>{channel.enabled ? t("enabled") : t("disabled")}</span></p>
                  <p className="mt-1 break-all font-mono text-xs text-slate-600">{channel.target}</p>
                  <p className="text-xs text-slate-500">{t("language")}: {channel.language === "ja" ? "日本語" : "English"}</p>
                  {channel.secret ? (
                    <details className="mt-1 text-xs text-slate-600">
                      <summary className="cursor-pointer">{t("secret")}</summary>
                      <p className="mt-1 break-all font-mono">{channel.secret}</p>
                      <p className="mt-1 max-w-xl">{t("secretHelp")}</p>
                    </details>
                  ) : null}
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <AlertActionForm action={testAlertChannelAction.bind(null, orgSlug)} submitLabel={t("test")} variant="secondary" className="flex max-w-md flex-wrap items-center gap-2">
                    <input type="hidden" name="channelId" value={channel.id} />
                  </AlertActionForm>
                  <RowActionForm action={toggleAlertChannelAction.bind(null, orgSlug)} fields={{ channelId: channel.id, enabled: String(!channel.enabled) }} label={channel.enabled ? t("disable") : t("enable")} />
                  <RowActionForm action={removeAlertChannelAction.bind(null, orgSlug)} fields={{ channelId: channel.id }} label={t("remove")} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("addTitle")}>
        <AlertActionForm action={createAlertChannelAction.bind(null, orgSlug)} submitLabel={t("add")}>
          <div className="min-w-48 flex-1">
            <label htmlFor="alert-name" className="text-sm font-medium">{t("name")}</label>
            <input id="alert-name" name="name" required maxLength={100} placeholder={t("namePlaceholder")} className={FIELD} />
          </div>
          <div>
            <label htmlFor="alert-kind" className="text-sm font-medium">{t("kind")}</label>
            <select id="alert-kind" name="kind" className={FIELD} defaultValue="email">
              {ALERT_CHANNEL_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
            </select>
          </div>
          <div className="min-w-72 flex-[2]">
            <label htmlFor="alert-target" className="text-sm font-medium">{t("target")}</label>
            <input id="alert-target" name="target" required maxLength={2000} aria-describedby="alert-target-help" className={FIELD} />
          </div>
          <div>
            <label htmlFor="alert-language" className="text-sm font-medium">{t("channelLanguage")}</label>
            <select id="alert-language" name="language" className={FIELD} defaultValue="ja">
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
          </div>
          <p id="alert-target-help" className="basis-full text-xs text-slate-600">{t("targetHelp")}</p>
        </AlertActionForm>
      </Card>
      <Card title={t("costStepsTitle")}>
        <AlertActionForm action={updateCostStepsAction.bind(null, orgSlug)} submitLabel={t("saveSteps")}>
          <div className="min-w-72 flex-1">
            <label htmlFor="alert-steps" className="text-sm font-medium">{t("costSteps", { currency: ctx.org.currency })}</label>
            <input id="alert-steps" name="steps" defaultValue={org.alertCostSteps.join(", ")} placeholder={costStepsOf(org).join(", ")} aria-describedby="alert-steps-help" className={FIELD} />
            <p id="alert-steps-help" className="mt-1 text-xs text-slate-600">{t("costStepsHelp", { currency: ctx.org.currency, defaults: defaultCostSteps(ctx.org.currency).map(money).join(", ") })}</p>
          </div>
        </AlertActionForm>
      </Card>
      <Card title={t("deliveriesTitle")}>
        {deliveries.length === 0 ? <p className="text-sm text-slate-600">{t("deliveriesEmpty")}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("deliveryWhen")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("deliveryChannel")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("deliveryStep")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("deliveryStatus")}</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">{t("deliveryAttempts")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} data-testid="alert-delivery">
                    <td className="py-2 pr-3"><Link className="text-brand-700 underline" href={`${base}/incidents/${delivery.incidentId}`}>{format.dateTime(delivery.at, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.org.timeZone })}</Link></td>
                    <td className="py-2 pr-3">{delivery.channel}</td>
                    <td className="py-2 pr-3">{delivery.isOpening ? t("stepOpened", { severity: severities(delivery.severity as "low") }) : t("stepEscalated", { severity: severities(delivery.severity as "low"), cost: money(delivery.costStep) })}</td>
                    <td className="py-2 pr-3">{t(`statuses.${delivery.status}`)}{delivery.lastError && delivery.status !== "sent" ? <span className="block max-w-md break-words text-xs text-red-700">{delivery.lastError}</span> : null}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{delivery.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
