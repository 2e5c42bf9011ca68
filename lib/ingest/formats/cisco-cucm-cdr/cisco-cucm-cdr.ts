import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { rejectWrongColumnCount } from "@/lib/ingest/formats/reject-wrong-column-count";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { rejectRow, rejectTime, type CallDisposition, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { dispositionFromCause } from "@/lib/ingest/normalize/q850-cause";
import { secondsBetween } from "@/lib/ingest/normalize/seconds-between";
import { CDR_RECORD_TYPE, CUCM_COLUMNS, CUCM_MANDATORY_NAMES, CUCM_SNIFF_NAMES, type CucmColumn } from "./columns";
import { cucmDirection } from "./cucm-direction";

// Cisco Unified CM CDR flat file (cdr_<cluster>_<node>_<yyyymmddhhmm>_<seq>): field names, SQL types, then one
// record per call leg, times in epoch seconds (UTC). Source: Cisco CDR Administration Guide 12.5(1) and its field descriptions,
// https://cisco.com/c/en/us/td/docs/voice_ip_comm/cucm/service/12_5_1/cdrdef/cucm_b_cdr-admin-guide-1251/cucm_b_cdr-admin-guide-1251_chapter_010.html

const UTC = { timeZone: "UTC" };
const INTEGER = /^\d+$/;
/** Cisco's own cause value: the CDR ended because a transfer or conference split the call. */
const CALL_SPLIT_CAUSE = "393216";

type CucmReader = { columns: Record<CucmColumn, number>; columnCount: number; context: FormatContext };

export const ciscoCucmCdr: CdrFormat = {
  id: "cisco-cucm-cdr",
  label: "Cisco Unified CM CDR flat file",
  headerRows: 2,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    const [names, types] = rows;
    const score = headerMatchScore(names, CUCM_SNIFF_NAMES, CUCM_MANDATORY_NAMES);
    // Without its SQL type line this is not a CUCM flat file, and headerRows 2 would eat a call.
    const hasTypeLine = types !== undefined && types.length === names.length && types[0]?.trim().toUpperCase() === "INTEGER";
    return hasTypeLine ? score : score / 2;
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    const reader: CucmReader = { columns: findColumns(names, CUCM_COLUMNS), columnCount: names.length, context };
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, reader);
  },
};

function toCallRecord(fields: string[], rowNumber: number, reader: CucmReader): RowResult {
  const { columns, context } = reader;
  const field = (column: CucmColumn) => valueAt(fields, columns[column]);
  const recordType = field("recordType");
  // Concatenated cdr_* files repeat both header lines.
  if (recordType.toLowerCase() === "cdrrecordtype" || recordType.toUpperCase() === "INTEGER") {
    return { kind: "skipped", rowNumber, reason: "repeated_header" };
  }
  if (INTEGER.test(recordType) && recordType !== CDR_RECORD_TYPE) return { kind: "skipped", rowNumber, reason: "not_a_call" };
  if (fields.length !== reader.columnCount) return rejectWrongColumnCount(fields, rowNumber, reader.columnCount);
  const originated = parseInstant(field("originatedAt"), "epoch-seconds", UTC);
  if (!originated.ok) return rejectTime(rowNumber, fields, originated.reason, field("originatedAt"));
  const talkText = field("talkSeconds");
  if (!INTEGER.test(talkText)) return rejectRow(rowNumber, fields, "invalid_duration", talkText);
  // The outpulsed number is what left for the carrier; the others may still carry an access code.
  const destinationRaw = field("outpulsedCalledNumber") || field("finalCalledNumber") || field("originalCalledNumber");
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const connectedAt = optionalEpoch(field("connectedAt"));
  const disconnectedAt = optionalEpoch(field("disconnectedAt"));
  const talkSeconds = Number(talkText);
  const durationSeconds = Math.max(talkSeconds, secondsBetween(originated.date, disconnectedAt));
  const sourceRaw = field("callingNumber");
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const originDevice = field("originDevice");
  const destinationDevice = field("destinationDevice");
  const callId = field("recordId") || null;
  const globalCallId = field("callId");
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: originated.date,
      answeredAt: connectedAt,
      endedAt: disconnectedAt,
      durationSeconds,
      billableSeconds: connectedAt ? talkSeconds : 0,
      direction: cucmDirection({ originDevice, destinationDevice, sourceType: source.numberType, destinationType: destination.numberType }),
      disposition: connectedAt ? "answered" : unansweredDisposition(field("originCause"), field("destinationCause")),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: field("clientMatterCode") || null,
      callerName: null,
      sourceChannel: originDevice || null,
      destinationChannel: destinationDevice || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: originated.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: globalCallId ? `${field("callManagerId")}:${globalCallId}` : null,
    },
  };
}

/** 0 means "never connected" (and "not logged" for dateTimeDisconnect). */
function optionalEpoch(text: string): Date | null {
  if (text === "" || text === "0") return null;
  const parsed = parseInstant(text, "epoch-seconds", UTC);
  return parsed.ok ? parsed.date : null;
}

/** The side that released the call carries the cause; the other side says 0, or 393216 for a feature split. */
function unansweredDisposition(originCause: string, destinationCause: string): CallDisposition {
  const cause = isReleaseCause(destinationCause) ? destinationCause : originCause;
  if (cause === "" || cause === CALL_SPLIT_CAUSE) return "unknown";
  // Cisco: "When a call is abandoned, the cause code contains 0."
  if (cause === "0") return "no_answer";
  return dispositionFromCause(cause, false);
}

function isReleaseCause(cause: string): boolean {
  return cause !== "" && cause !== "0" && cause !== CALL_SPLIT_CAUSE;
}
