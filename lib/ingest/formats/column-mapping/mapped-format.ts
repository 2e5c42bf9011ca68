import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import type { ColumnMappingConfig } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { normalizeHeaderName } from "@/lib/ingest/formats/header-columns";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { rejectRow, rejectTime, type CallDirection, type CallDisposition, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";

// A layout the user described by mapping its columns, read like any built-in format. A mapping with
// a header row claims files whose header is the same; one without is used only when chosen.

export const MAPPING_FORMAT_PREFIX = "mapping:";

export type SavedMapping = { id: string; name: string; headerSignature: string | null; config: ColumnMappingConfig };

/** The header as the mapping remembers it: names normalized, in order. */
export function headerSignature(headerRow: readonly string[]): string {
  return headerRow.map(normalizeHeaderName).join("|");
}

const DISPOSITION_WORDS: [CallDisposition, string[]][] = [
  ["answered", ["answered", "answer", "ok", "completed", "success", "connected", "応答", "通話", "成功", "通話済"]],
  ["no_answer", ["no answer", "noanswer", "no-answer", "unanswered", "missed", "canceled", "cancelled", "不応答", "応答なし", "未応答", "不在"]],
  ["busy", ["busy", "話中", "ビジー"]],
  ["failed", ["failed", "failure", "congestion", "rejected", "error", "失敗", "エラー", "不達"]],
];
const DIRECTION_WORDS: [CallDirection, string[]][] = [
  ["outbound", ["outbound", "out", "outgoing", "発信", "外線発信", "outbound-api", "outbound-dial"]],
  ["inbound", ["inbound", "in", "incoming", "着信", "外線着信"]],
  ["internal", ["internal", "local", "内線", "内線通話"]],
];
const DISPOSITION_BY_WORD = new Map(DISPOSITION_WORDS.flatMap(([value, words]) => words.map((word) => [word, value] as const)));
const DIRECTION_BY_WORD = new Map(DIRECTION_WORDS.flatMap(([value, words]) => words.map((word) => [word, value] as const)));

export function mappedFormat(mapping: SavedMapping): CdrFormat {
  const { config } = mapping;
  return {
    id: `${MAPPING_FORMAT_PREFIX}${mapping.id}`,
    label: mapping.name,
    headerRows: config.headerRows,
    legPolicy: config.columns.callId === undefined ? "one-row-per-call" : "grouped-by-call-id",
    needsStatementMonth: config.dateNotation === "month-day",
    sniff(rows) {
      if (config.headerRows === 0 || !mapping.headerSignature || rows.length === 0) return 0;
      return headerSignature(rows[config.headerRows - 1]) === mapping.headerSignature ? 1 : 0;
    },
    createReader(_header, context) {
      const dateContext = { timeZone: config.timeZone ?? context.fileTimeZone, statementMonth: context.statementMonth };
      return (fields, rowNumber) => toCallRecord(fields, rowNumber, config, context, dateContext);
    },
  };
}

function toCallRecord(
  fields: string[],
  rowNumber: number,
  config: ColumnMappingConfig,
  context: FormatContext,
  dateContext: Parameters<typeof parseInstant>[2],
): RowResult {
  const { columns } = config;
  const startText = columns.startDateTime !== undefined
    ? valueAt(fields, columns.startDateTime)
    : `${valueAt(fields, columns.startDate ?? -1)} ${valueAt(fields, columns.startTime ?? -1)}`.trim();
  const started = parseInstant(startText, config.dateNotation, dateContext);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, startText);
  const durationText = valueAt(fields, columns.duration ?? columns.billableDuration ?? -1);
  const durationSeconds = parseDurationSeconds(durationText);
  const billableText = columns.billableDuration === undefined ? null : valueAt(fields, columns.billableDuration);
  const billableParsed = billableText === null ? null : parseDurationSeconds(billableText);
  if (durationSeconds === null || (billableText !== null && billableText !== "" && billableParsed === null)) {
    return rejectRow(rowNumber, fields, "invalid_duration", billableText === null ? durationText : `${durationText} / ${billableText}`);
  }
  const destinationRaw = valueAt(fields, columns.destination);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");
  const costText = valueAt(fields, columns.cost ?? -1);
  const cost = costText === "" ? null : parseAmount(costText);
  if (costText !== "" && cost === null) return rejectRow(rowNumber, fields, "invalid_amount", costText);

  const dispositionText = valueAt(fields, columns.disposition ?? -1).toLowerCase();
  const named = DISPOSITION_BY_WORD.get(dispositionText);
  const billableSeconds = billableParsed ?? (named === undefined || named === "answered" ? durationSeconds : 0);
  const disposition: CallDisposition = named ?? (columns.disposition === undefined || dispositionText === ""
    ? (billableSeconds > 0 ? "answered" : "no_answer")
    : "unknown");
  const sourceRaw = valueAt(fields, columns.source ?? -1);
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const direction = DIRECTION_BY_WORD.get(valueAt(fields, columns.direction ?? -1).toLowerCase())
    ?? inferDirection({ sourceType: source.numberType, destinationType: destination.numberType });
  const callId = valueAt(fields, columns.callId ?? -1) || null;
  const currencyText = valueAt(fields, columns.currency ?? -1).toUpperCase();
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: null,
      endedAt: new Date(started.date.getTime() + durationSeconds * 1000),
      durationSeconds,
      billableSeconds,
      direction,
      disposition,
      sourceRaw,
      sourceE164: source.e164,
      destinationRaw,
      destinationE164: destination.e164,
      destinationCountry: destination.country,
      destinationNumberType: destination.numberType,
      accountCode: valueAt(fields, columns.accountCode ?? -1) || null,
      callerName: null,
      sourceChannel: null,
      destinationChannel: null,
      callId,
      costAmount: cost ? cost.amount.replace(/^-/, "") : null,
      costCurrency: cost ? (/^[A-Z]{3}$/.test(currencyText) ? currencyText : (cost.currency ?? config.currency)) : null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: callId,
    },
  };
}
