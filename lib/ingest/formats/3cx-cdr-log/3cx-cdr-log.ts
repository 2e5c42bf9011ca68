import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { shareOfMatchingRows } from "@/lib/ingest/formats/share-of-matching-rows";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { rejectRow, rejectTime, type CallDisposition, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { secondsBetween } from "@/lib/ingest/normalize/seconds-between";
import { PARTY_TYPES, THREECX_COLUMN, THREECX_COLUMN_COUNT, UNANSWERED_DISPOSITIONS } from "./columns";
import { resolveCallParties } from "./resolve-call-parties";

// 3CX CDR service "single file" output (cdr.log), 27 fields in 3CX's listed order, no header
// (../shared/formats §4). Rows sharing a historyid ("Call 9744") are the legs of one call, the key
// 3CX calls "useful for call tracking"; callid identifies the row itself.

const HISTORY_ID = /^Call \d+$/;
const DATE_TIME = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;
const EXTENSION_PREFIX = /^Ext\./i;

export const threeCxCdrLog: CdrFormat = {
  id: "3cx-cdr-log",
  label: "3CX CDR service log (cdr.log, 27 fields)",
  headerRows: 0,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    return shareOfMatchingRows(rows, looksLikeThreeCxRow);
  },
  createReader(_header, context) {
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, context);
  },
};

function looksLikeThreeCxRow(fields: string[]): boolean {
  return (
    fields.length === THREECX_COLUMN_COUNT &&
    HISTORY_ID.test(fields[THREECX_COLUMN.historyid]) &&
    DATE_TIME.test(fields[THREECX_COLUMN.timeStart]) &&
    PARTY_TYPES.has(fields[THREECX_COLUMN.fromType])
  );
}

function toCallRecord(fields: string[], rowNumber: number, context: FormatContext): RowResult {
  if (fields.length !== THREECX_COLUMN_COUNT) return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length}`);
  const field = (index: number) => valueAt(fields, index);
  // 3CX does not write the zone of its timestamps: they are read in the file's zone.
  const zone = { timeZone: context.fileTimeZone };
  const started = parseInstant(field(THREECX_COLUMN.timeStart), "year-month-day", zone);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, field(THREECX_COLUMN.timeStart));
  const answered = parseOptionalInstant(field(THREECX_COLUMN.timeAnswered), zone);
  const ended = parseOptionalInstant(field(THREECX_COLUMN.timeEnd), zone);
  // duration is talk time (answer → end), empty when the call was not answered.
  const durationText = field(THREECX_COLUMN.duration);
  const billableSeconds = durationText === "" ? 0 : parseDurationSeconds(durationText);
  if (billableSeconds === null) return rejectRow(rowNumber, fields, "invalid_duration", durationText);
  const { direction, destinationRaw } = resolveCallParties(field);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");
  const costText = field(THREECX_COLUMN.billCost);
  const cost = costText === "" ? null : parseAmount(costText);
  if (costText !== "" && cost === null) return rejectRow(rowNumber, fields, "invalid_amount", costText);

  const sourceRaw = field(THREECX_COLUMN.fromNo);
  const source = classifyNumber(sourceRaw.replace(EXTENSION_PREFIX, ""), context.numbers);
  const destination = classifyNumber(destinationRaw.replace(EXTENSION_PREFIX, ""), context.numbers);
  const wasAnswered = answered !== null || durationText !== "";
  const durationSeconds = Math.max(billableSeconds, secondsBetween(started.date, ended));
  const historyId = field(THREECX_COLUMN.historyid);
  const callId = field(THREECX_COLUMN.callid) || historyId || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: answered,
      endedAt: ended,
      durationSeconds,
      billableSeconds,
      direction,
      disposition: dispositionOf(field(THREECX_COLUMN.reasonTerminated), wasAnswered),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: field(THREECX_COLUMN.billCode) || null,
      callerName: field(THREECX_COLUMN.fromDispname) || null,
      sourceChannel: field(THREECX_COLUMN.fromDn) || null,
      destinationChannel: field(THREECX_COLUMN.toDn) || null,
      callId,
      // bill-cost is "talking time × rate" in the PBX's own rate table; its currency is not written.
      costAmount: cost?.amount ?? null,
      costCurrency: cost?.currency ?? null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: historyId || callId,
    },
  };
}

/** V20 writes other reason values (see §4): an unanswered call with one of them is "unknown", not guessed. */
function dispositionOf(reasonTerminated: string, wasAnswered: boolean): CallDisposition {
  if (wasAnswered) return "answered";
  return UNANSWERED_DISPOSITIONS.get(reasonTerminated) ?? "unknown";
}
