import type { StatementMonth } from "@/lib/ingest/normalize/call-time";
import { domesticNameJa } from "@/lib/simulation/domestic-destinations";
import { INTERNATIONAL_DESTINATIONS } from "@/lib/simulation/international-destinations";
import { isCarrierBilled } from "@/lib/simulation/is-carrier-billed";
import type { SimulatedCall } from "@/lib/simulation/simulated-call";
import { formatSecondsAsClock, formatTokyoMonthDayAndTime, TOKYO_OFFSET_MS } from "@/lib/simulation/tokyo-time";
import { formatLineNumber } from "./format-line-number";

// The carrier's view: one month's NTT 通話明細 as lib/ingest/formats/ntt-call-statement reads it —
// charged outbound calls only, MM/DD without a year, timed from the answer, "\1,234", a closing 合計.
// Text only: the caller encodes it to CP932 (iconv-lite), where "\" is the yen sign.

export type CarrierBillOptions = {
  /** Column 1 for non-ITSP customers (ITSP rows carry the account code). */
  customerName?: string;
};

const HEADER = ["お客様名", "電話番号", "種別", "通話日", "通話時刻", "相手先番号", "通話先", "通話時間", "通話料金", "回数", "", "", "", "発信電話番号", "フリーダイヤル番号", "端末種別", "", "", "発信地域", "区分"];
const TRAILING_EMPTY = ",,,,,,";
const CHUNK_CHARS = 1 << 18;
const NAME_BY_COUNTRY = new Map(Object.values(INTERNATIONAL_DESTINATIONS).flatMap((entry) => (entry.country ? [[entry.country, entry.nameJa] as const] : [])));

export function* toCarrierBill(calls: Iterable<SimulatedCall>, statementMonth: StatementMonth, options: CarrierBillOptions = {}): Generator<string> {
  const monthStartMs = Date.UTC(statementMonth.year, statementMonth.month - 1, 1) - TOKYO_OFFSET_MS;
  const monthEndMs = Date.UTC(statementMonth.year, statementMonth.month, 1) - TOKYO_OFFSET_MS;
  const customerName = options.customerName ?? "お客様";
  let chunk = `${HEADER.join(",")}\r\n`;
  let totalSeconds = 0;
  let totalYen = 0;
  let count = 0;
  for (const call of calls) {
    if (call.startedAtMs >= monthEndMs) break;
    const answeredAtMs = call.startedAtMs + call.ringSeconds * 1000;
    if (answeredAtMs < monthStartMs || answeredAtMs >= monthEndMs || !isCarrierBilled(call)) continue;
    chunk += statementRow(call, answeredAtMs, call.accountCode ?? customerName);
    totalSeconds += call.billableSeconds;
    totalYen += call.costYen;
    count++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}合計,,,,,,,${formatSecondsAsClock(totalSeconds)},${chargeText(totalYen)},${count},,,,,,,,,,\r\n`;
}

function statementRow(call: SimulatedCall, answeredAtMs: number, customerName: string): string {
  const { monthDay, time } = formatTokyoMonthDayAndTime(answeredAtMs);
  const line = formatLineNumber(call.lineNumber);
  const isInternational = call.externalNumber.startsWith("010");
  return (
    `${customerName},${line.parenthesized},${isInternational ? "国際" : "VoIP"},${monthDay},${time},${call.externalNumber},` +
    `${isInternational ? internationalNameJa(call) : domesticNameJa(call.externalNumber)},${formatSecondsAsClock(call.billableSeconds)},` +
    `${chargeText(call.costYen)},1,,,,${line.hyphenated}${TRAILING_EMPTY}\r\n`
  );
}

function internationalNameJa(call: SimulatedCall): string {
  if (call.externalCountry) return NAME_BY_COUNTRY.get(call.externalCountry) ?? "国際";
  return call.externalNumber.startsWith(`010${INTERNATIONAL_DESTINATIONS.THURAYA.callingCode}`) ? INTERNATIONAL_DESTINATIONS.THURAYA.nameJa : "国際";
}

/** "\1,234", quoted when the thousands separator would split the field. */
function chargeText(yen: number): string {
  const grouped = String(Math.round(yen)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return grouped.includes(",") ? `"\\${grouped}"` : `\\${grouped}`;
}
