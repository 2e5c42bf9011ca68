import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import type { ReportText } from "@/lib/evidence-pack/report-text";
import { destinationNames, minutesOf } from "@/lib/evidence-pack/summary-text";

// What was done (the incident's history, notes included) and the letter to the carrier.

export type EventLine = { at: string; who: string; text: string; body: string | null };

export function eventLines(pack: EvidencePack, text: ReportText): EventLine[] {
  const { actions, severities, statuses } = text.messages;
  const severity = (value: unknown) => severities[String(value) as "low"] ?? String(value);
  const status = (value: unknown) => statuses[String(value) as "open"] ?? String(value);
  return pack.events.map((event) => {
    const details = event.details;
    const values: Record<string, string> = {
      severity: severity(details.severity), from: event.kind === "escalated" ? severity(details.from) : status(details.from), to: event.kind === "escalated" ? severity(details.to) : status(details.to),
      at: typeof details.at === "string" ? text.when(new Date(details.at)) : "",
    };
    const template = actions.events[event.kind as keyof typeof actions.events] ?? actions.events.note;
    return { at: text.when(event.at), who: event.actor ? text.fill(actions.by, { name: event.actor }) : actions.bySystem, text: text.fill(template, values), body: event.body };
  });
}

export type Letter = { to: string; from: string; date: string; subject: string; paragraphs: string[]; closing: string; signature: string };

export function carrierLetter(pack: EvidencePack, options: Pick<EvidencePackOptions, "addressee" | "accountNumber" | "carrier">, text: ReportText): Letter {
  const { letter, cover } = text.messages;
  const addressee = [options.carrier, options.addressee || letter.defaultAddressee].filter(Boolean).join(" ");
  const values = {
    first: text.when(pack.incident.firstCallAt),
    last: text.when(pack.incident.lastCallAt),
    calls: text.number(pack.incident.calls),
    minutes: text.number(minutesOf(pack)),
    cost: text.money(pack.incident.estimatedCost),
    destinations: destinationNames(pack, text),
    reportId: pack.reportId,
    organization: pack.org.name,
    account: options.accountNumber || cover.notGiven,
  };
  return {
    to: text.fill(letter.to, { addressee }),
    from: text.fill(letter.from, values),
    date: text.fill(letter.date, { date: text.date(pack.generatedAt) }),
    subject: text.fill(letter.subject, values),
    paragraphs: letter.body.map((paragraph) => text.fill(paragraph, values)),
    closing: letter.closing,
    signature: text.fill(letter.signature, values),
  };
}
