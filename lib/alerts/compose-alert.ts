import { createTranslator } from "next-intl";
import { explainFinding, type ExplainableFinding } from "@/lib/detection/explain-finding";
import { MESSAGES } from "@/lib/i18n/messages";

// What an alert says, in the channel's language: a subject, a plain text (email, Slack) and a JSON
// document (webhooks) with the same facts — the explanation, the charges so far, a link to the
// incident and what to do now. Pure: the delivery job gathers the facts and sends the result.

export type AlertLocale = "ja" | "en";

export type AlertFacts = {
  kind: "opened" | "escalated";
  alertId: string;
  org: { id: string; slug: string; name: string; timeZone: string; currency: string };
  incident: { id: string; status: string; severity: string; firstCallAt: Date; lastCallAt: Date; calls: number; estimatedCost: number; destinations: Record<string, number> };
  findings: ExplainableFinding[];
  incidentUrl: string;
  channelName: string;
};

export type AlertMessage = { subject: string; text: string; document: Record<string, unknown> };

const MAX_FINDINGS = 4;

export function composeAlert(facts: AlertFacts, locale: AlertLocale): AlertMessage {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "alerts.message" });
  const severityOf = createTranslator({ locale, messages: MESSAGES[locale], namespace: "overview.severities" });
  const { org, incident } = facts;
  const numbers = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: org.currency, maximumFractionDigits: 0 });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: org.timeZone });
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const destinations = Object.entries(incident.destinations).sort((a, b) => b[1] - a[1]).slice(0, 3)
    .map(([country]) => (/^[A-Z]{2}$/.test(country) ? regionName(regions, country) : t("unknownDestination"))).join(locale === "ja" ? "・" : ", ") || t("unknownDestination");
  const values = { org: org.name, calls: numbers.format(incident.calls), cost: money.format(incident.estimatedCost), destinations, severity: severityOf(incident.severity as "low") };
  const subject = facts.kind === "opened" ? t("subjectOpened", values) : t("subjectEscalated", values);
  const explanations = facts.findings.slice(0, MAX_FINDINGS).map((finding) => explainFinding(finding, locale, { timeZone: org.timeZone, currency: org.currency }));
  const actions = [t("actionStop"), t("actionPasswords"), t("actionRecord")];
  const text = [
    facts.kind === "opened" ? t("headlineOpened", values) : t("headlineEscalated", values),
    t("period", { first: time.format(incident.firstCallAt), last: time.format(incident.lastCallAt), zone: org.timeZone }),
    t("totals", values),
    "",
    `${t("whyTitle")}:`,
    ...explanations.map((line) => `- ${line}`),
    "",
    t("link", { url: facts.incidentUrl }),
    "",
    `${t("actionsTitle")}:`,
    ...actions.map((line, index) => `${index + 1}. ${line}`),
    "",
    t("footer", { channel: facts.channelName }),
  ].join("\n");
  const document = {
    type: `incident.${facts.kind}`,
    alertId: facts.alertId,
    organization: { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone },
    incident: {
      id: incident.id,
      url: facts.incidentUrl,
      status: incident.status,
      severity: incident.severity,
      firstCallAt: incident.firstCallAt.toISOString(),
      lastCallAt: incident.lastCallAt.toISOString(),
      calls: incident.calls,
      estimatedCost: incident.estimatedCost,
      currency: org.currency,
      destinations: incident.destinations,
    },
    language: locale,
    subject,
    explanations,
    actions,
    text,
  };
  return { subject, text, document };
}

export function composeTestAlert(org: { name: string }, channelName: string, locale: AlertLocale): AlertMessage {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "alerts.message" });
  const subject = t("testSubject", { org: org.name });
  const text = t("testBody", { org: org.name, channel: channelName });
  return { subject, text, document: { type: "test", organization: { name: org.name }, language: locale, subject, text } };
}

function regionName(regions: Intl.DisplayNames, code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}
