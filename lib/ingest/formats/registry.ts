import { threeCxCdrLog } from "@/lib/ingest/formats/3cx-cdr-log/3cx-cdr-log";
import { asteriskCdrCsv } from "@/lib/ingest/formats/asterisk-cdr-csv/asterisk-cdr-csv";
import type { CdrFormat } from "@/lib/ingest/formats/cdr-format";
import { ciscoCucmCdr } from "@/lib/ingest/formats/cisco-cucm-cdr/cisco-cucm-cdr";
import { didwwCdrCsv } from "@/lib/ingest/formats/didww-cdr-csv/didww-cdr-csv";
import { freepbxCdrExport } from "@/lib/ingest/formats/freepbx-cdr-export/freepbx-cdr-export";
import { freeswitchCdrCsv } from "@/lib/ingest/formats/freeswitch-cdr-csv/freeswitch-cdr-csv";
import { grandstreamUcmCdr } from "@/lib/ingest/formats/grandstream-ucm-cdr/grandstream-ucm-cdr";
import { issabelCdrReport } from "@/lib/ingest/formats/issabel-cdr-report/issabel-cdr-report";
import { nttCallStatement } from "@/lib/ingest/formats/ntt-call-statement/ntt-call-statement";
import { sinchCdrCsv } from "@/lib/ingest/formats/sinch-cdr-csv/sinch-cdr-csv";
import { telnyxCdrCsv } from "@/lib/ingest/formats/telnyx-cdr-csv/telnyx-cdr-csv";
import { tollwatchCalls } from "@/lib/ingest/formats/tollwatch-calls/tollwatch-calls";
import { twilioCallsCsv } from "@/lib/ingest/formats/twilio-calls-csv/twilio-calls-csv";
import { yeastarCdr } from "@/lib/ingest/formats/yeastar-cdr/yeastar-cdr";

/** Every layout Tollwatch recognises; detection asks each and takes the surest (detect-format.ts). */
export const KNOWN_FORMATS: readonly CdrFormat[] = [
  asteriskCdrCsv,
  freepbxCdrExport,
  issabelCdrReport,
  freeswitchCdrCsv,
  threeCxCdrLog,
  yeastarCdr,
  grandstreamUcmCdr,
  ciscoCucmCdr,
  twilioCallsCsv,
  didwwCdrCsv,
  telnyxCdrCsv,
  sinchCdrCsv,
  nttCallStatement,
  tollwatchCalls,
];

export function findFormat(id: string): CdrFormat | undefined {
  return KNOWN_FORMATS.find((format) => format.id === id);
}
