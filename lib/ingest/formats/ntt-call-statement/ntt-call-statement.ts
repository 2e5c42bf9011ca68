import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { rejectRow, rejectTime, type CallDirection, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { classifyNumber, type ClassifiedNumber } from "@/lib/ingest/normalize/phone-number";
import { classifyStatementRow } from "./classify-statement-row";
import { NTT_COLUMN, NTT_MIN_COLUMNS, NTT_RECORD_TYPE } from "./columns";

// NTT call detail statement CSV (../shared/formats §8): a bill, so each row is a connected, charged
// call of the billed line, dated without a year (the statement month supplies it). The header is
// optional and may repeat, so headerRows is 0 and the reader skips header rows wherever they are.

const NUMBER_PUNCTUATION = /[()（）\-－‐\s]/g;

type Parties = {
  direction: CallDirection;
  sourceRaw: string;
  source: ClassifiedNumber;
  destinationRaw: string;
  destination: ClassifiedNumber;
};

/** How many times this call's identity has been seen at this start second (1 the first time). */
type OccurrenceCounter = (startedAt: Date, identity: string) => number;

export const nttCallStatement: CdrFormat = {
  id: "ntt-call-statement",
  label: "NTT call detail statement CSV (通話明細)",
  headerRows: 0,
  legPolicy: "one-row-per-call",
  needsStatementMonth: true,
  sniff(rows) {
    let calls = 0;
    let known = 0;
    for (const row of rows) {
      const kind = classifyStatementRow(row);
      if (kind === "call") calls++;
      if (kind !== "other") known++;
    }
    return calls === 0 ? 0 : known / rows.length;
  },
  createReader(_header, context) {
    const occurrenceOf = createOccurrenceCounter();
    return (fields, rowNumber) => {
      const kind = classifyStatementRow(fields);
      if (kind === "subtotal") return { kind: "skipped", rowNumber, reason: "subtotal" };
      if (kind === "header") return { kind: "skipped", rowNumber, reason: "repeated_header" };
      return toCallRecord(fields, rowNumber, context, occurrenceOf);
    };
  },
};

function toCallRecord(fields: string[], rowNumber: number, context: FormatContext, occurrenceOf: OccurrenceCounter): RowResult {
  if (fields.length < NTT_MIN_COLUMNS) return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length}`);
  const field = (index: number) => valueAt(fields, index);
  const dateText = `${field(NTT_COLUMN.date)} ${field(NTT_COLUMN.time)}`.trim();
  // A date without a time would read as midnight, which looks like night-time fraud.
  const started = field(NTT_COLUMN.time) === ""
    ? ({ ok: false, reason: "invalid" } as const)
    : parseInstant(dateText, "month-day", { timeZone: context.fileTimeZone, statementMonth: context.statementMonth });
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, dateText);
  const durationSeconds = parseDurationSeconds(field(NTT_COLUMN.duration));
  if (durationSeconds === null) return rejectRow(rowNumber, fields, "invalid_duration", field(NTT_COLUMN.duration));
  const chargeText = field(NTT_COLUMN.charge);
  const charge = chargeText === "" ? null : parseAmount(chargeText);
  if (chargeText !== "" && charge === null) return rejectRow(rowNumber, fields, "invalid_amount", chargeText);
  const parties = partiesOf(field, context);
  if (!parties) return rejectRow(rowNumber, fields, "missing_destination");

  const { sourceRaw, destinationRaw, destination } = parties;
  const destinationKey = destination.e164 ?? destinationRaw;
  const occurrence = occurrenceOf(started.date, `${sourceRaw}\u001f${destinationKey}\u001f${durationSeconds}`);
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: started.date,
      endedAt: new Date(started.date.getTime() + durationSeconds * 1000),
      durationSeconds,
      billableSeconds: durationSeconds,
      direction: parties.direction,
      disposition: "answered",
      ...callPartyFields(sourceRaw, parties.source, destinationRaw, destination),
      accountCode: field(NTT_COLUMN.customerName) || null,
      callerName: null,
      sourceChannel: null,
      destinationChannel: null,
      callId: null,
      costAmount: charge?.amount ?? null,
      // The bill is in yen even where the charge is written without a yen sign.
      costCurrency: charge ? (charge.currency ?? "JPY") : null,
      fingerprint: callFingerprint({
        startedAt: started.date,
        sourceRaw,
        destinationKey,
        durationSeconds,
        // No call id: identical calls in the same second (parallel trunks) stay apart by their order.
        callId: occurrence > 1 ? `occurrence-${occurrence}` : null,
      }),
      legGroup: null,
    },
  };
}

/** Outbound from the billed line; free-dial rows ("フリーダイヤル") are calls the line's toll-free number received. */
function partiesOf(field: (index: number) => string, context: FormatContext): Parties | null {
  const ownNumber = field(NTT_COLUMN.ownNumber).normalize("NFKC").replace(NUMBER_PUNCTUATION, "");
  const calledRaw = field(NTT_COLUMN.calledNumber);
  if (field(NTT_COLUMN.recordType) === NTT_RECORD_TYPE.freeDial) {
    const tollFreeRaw = field(NTT_COLUMN.freeDialNumber) || ownNumber;
    return {
      direction: "inbound",
      sourceRaw: calledRaw,
      source: classifyNumber(calledRaw, context.numbers),
      destinationRaw: tollFreeRaw,
      destination: classifyNumber(tollFreeRaw, context.numbers),
    };
  }
  if (calledRaw === "") return null;
  return {
    direction: "outbound",
    sourceRaw: ownNumber,
    source: classifyNumber(ownNumber, context.numbers),
    destinationRaw: calledRaw,
    destination: classifyNumber(calledRaw, context.numbers),
  };
}

/** Identity counts kept for one start second at a time: statements list each line's calls in time order. */
function createOccurrenceCounter(): OccurrenceCounter {
  let currentSecond = Number.NaN;
  const counts = new Map<string, number>();
  return (startedAt, identity) => {
    if (startedAt.getTime() !== currentSecond) {
      currentSecond = startedAt.getTime();
      counts.clear();
    }
    const count = (counts.get(identity) ?? 0) + 1;
    counts.set(identity, count);
    return count;
  };
}
