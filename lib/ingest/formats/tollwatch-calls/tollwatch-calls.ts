import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader, type NamedColumnRow } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { TOLLWATCH_COLUMNS, TOLLWATCH_DIRECTIONS, TOLLWATCH_DISPOSITIONS, TOLLWATCH_HEADER, TOLLWATCH_MANDATORY_NAMES, type TollwatchColumn } from "./columns";

// One row per call: ISO 8601 times (with an offset, or in the file's zone without one), whole
// seconds, dispositions and directions in Tollwatch's words. Missing optional values are inferred:
// billable seconds from the disposition, the disposition from billable seconds, the direction from
// the numbers.

const INTEGER = /^\d+$/;
const CURRENCY = /^[A-Za-z]{3}$/;

export const tollwatchCalls: CdrFormat = {
  id: "tollwatch-calls",
  label: "Tollwatch calls (CSV, or the ingest API's JSON)",
  headerRows: 1,
  legPolicy: "one-row-per-call",
  sniff(rows) {
    return headerMatchScore(rows[0], TOLLWATCH_HEADER, TOLLWATCH_MANDATORY_NAMES) > 0 ? 1 : 0;
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    return createNamedColumnReader(names, findColumns(names, TOLLWATCH_COLUMNS), (row) => toCallRecord(row, context));
  },
};

function toCallRecord({ fields, rowNumber, field }: NamedColumnRow<TollwatchColumn>, context: FormatContext): RowResult {
  const dateContext = { timeZone: context.fileTimeZone };
  const startText = field("startedAt");
  const started = parseInstant(startText, "year-month-day", dateContext);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, startText);
  const destinationRaw = field("destination");
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");
  const durationText = field("durationSeconds");
  if (!INTEGER.test(durationText)) return rejectRow(rowNumber, fields, "invalid_duration", durationText);
  const billableText = field("billableSeconds");
  if (billableText !== "" && !INTEGER.test(billableText)) return rejectRow(rowNumber, fields, "invalid_duration", billableText);
  const dispositionText = field("disposition").toLowerCase();
  if (dispositionText !== "" && !TOLLWATCH_DISPOSITIONS.has(dispositionText)) return rejectRow(rowNumber, fields, "invalid_disposition", dispositionText);
  const directionText = field("direction").toLowerCase();
  if (directionText !== "" && !TOLLWATCH_DIRECTIONS.has(directionText)) return rejectRow(rowNumber, fields, "invalid_direction", directionText);
  const costText = field("cost");
  const cost = costText === "" ? null : parseAmount(costText);
  if (costText !== "" && !cost) return rejectRow(rowNumber, fields, "invalid_amount", costText);
  const currency = field("currency").toUpperCase();
  if (currency !== "" && !CURRENCY.test(currency)) return rejectRow(rowNumber, fields, "invalid_amount", currency);

  const optionalInstant = (text: string) => {
    if (text === "") return null;
    const parsed = parseInstant(text, "year-month-day", dateContext);
    return parsed.ok ? parsed.date : null;
  };
  const durationSeconds = Number(durationText);
  const billableSeconds = billableText !== "" ? Number(billableText) : dispositionText === "answered" ? durationSeconds : 0;
  const disposition = TOLLWATCH_DISPOSITIONS.get(dispositionText) ?? (billableSeconds > 0 ? "answered" : "unknown");
  const sourceRaw = field("source");
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const callId = field("callId") || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: optionalInstant(field("answeredAt")),
      endedAt: optionalInstant(field("endedAt")),
      durationSeconds,
      billableSeconds: disposition === "answered" ? billableSeconds : 0,
      direction: TOLLWATCH_DIRECTIONS.get(directionText) ?? inferDirection({ sourceType: source.numberType, destinationType: destination.numberType }),
      disposition,
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: field("accountCode") || null,
      callerName: null,
      sourceChannel: null,
      destinationChannel: null,
      callId,
      costAmount: cost ? cost.amount : null,
      costCurrency: cost ? currency || cost.currency : null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: null,
    },
  };
}
