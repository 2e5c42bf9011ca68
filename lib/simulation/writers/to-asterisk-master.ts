import type { SimulatedCall, SimulatedDisposition } from "@/lib/simulation/simulated-call";
import { formatTokyoDateTime } from "@/lib/simulation/tokyo-time";

// The PBX's view: every call as an 18-column Asterisk cdr_csv Master.csv line (../shared/formats §1):
// no header, Asia/Tokyo wall-clock times, a bare empty answer field for unanswered calls, and text
// in ~256 KB chunks so that millions of calls stream through.

const CHUNK_CHARS = 1 << 18;
const DISPOSITIONS: Record<SimulatedDisposition, string> = { answered: "ANSWERED", no_answer: "NO ANSWER", busy: "BUSY", failed: "FAILED" };

export function* toAsteriskMaster(calls: Iterable<SimulatedCall>): Generator<string> {
  let chunk = "";
  for (const call of calls) {
    chunk += masterLine(call);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

/** One Master.csv line (with its newline); fields in cdr_csv.c's build_csv_record order. */
function masterLine(call: SimulatedCall): string {
  const legs = legsOf(call);
  const answer = call.isAnswered ? `"${formatTokyoDateTime(call.startedAtMs + call.ringSeconds * 1000)}"` : "";
  return (
    `"${call.accountCode ?? ""}","${legs.source}","${legs.destination}","${legs.context}",${legs.callerId},` +
    `"${legs.channel}","${legs.destinationChannel}","Dial","${legs.dialData}",` +
    `"${formatTokyoDateTime(call.startedAtMs)}",${answer},"${formatTokyoDateTime(call.startedAtMs + call.durationSeconds * 1000)}",` +
    `${call.durationSeconds},${call.billableSeconds},"${DISPOSITIONS[call.disposition]}","DOCUMENTATION","${call.callId}",""\n`
  );
}

type Legs = { source: string; destination: string; context: string; callerId: string; channel: string; destinationChannel: string; dialData: string };

function legsOf(call: SimulatedCall): Legs {
  // Channel names count up like Asterisk's, two per call, from the call's sequence number.
  const sequence = Number(call.callId.slice(call.callId.indexOf(".") + 1));
  const ownSide = `PJSIP/${call.extension}-${hex8(sequence * 2)}`;
  const failed = call.disposition === "failed";
  if (call.direction === "inbound") {
    return {
      source: call.externalNumber,
      destination: call.extension,
      context: "from-pstn",
      callerId: `""""" <${call.externalNumber}>"`,
      channel: `PJSIP/trunk-${hex8(sequence * 2)}`,
      destinationChannel: `PJSIP/${call.extension}-${hex8(sequence * 2 + 1)}`,
      dialData: `PJSIP/${call.extension},30`,
    };
  }
  const isInternal = call.direction === "internal";
  return {
    source: call.extension,
    destination: call.externalNumber,
    context: "from-internal",
    callerId: `"""Ext ${call.extension}"" <${call.extension}>"`,
    channel: ownSide,
    destinationChannel: failed ? "" : isInternal ? `PJSIP/${call.externalNumber}-${hex8(sequence * 2 + 1)}` : `PJSIP/trunk-${hex8(sequence * 2 + 1)}`,
    dialData: isInternal ? `PJSIP/${call.externalNumber},20` : `PJSIP/${call.externalNumber}@trunk,60`,
  };
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}
