import type { CallOutcome } from "./draw-outcome";
import { costYenFor, type Rate } from "./rate-table";
import type { CallDraft, SimulatedDirection } from "./simulated-call";

// One place that turns a call's parts into the record, so duration, answer flag and charge always agree.

export type CallParts = {
  startedAtMs: number;
  direction: SimulatedDirection;
  outcome: CallOutcome;
  extension: string;
  externalNumber: string;
  externalCountry: string | null;
  /** The tariff of the number dialled; ignored unless the call is outbound and answered. */
  rate: Rate | null;
  account: { accountCode: string | null; lineNumber: string };
  scenarioId: string | null;
};

export function makeCall(parts: CallParts): CallDraft {
  const { outcome } = parts;
  const isAnswered = outcome.disposition === "answered";
  const isCharged = isAnswered && parts.direction === "outbound";
  return {
    startedAtMs: parts.startedAtMs,
    isAnswered,
    ringSeconds: outcome.ringSeconds,
    billableSeconds: isAnswered ? outcome.billableSeconds : 0,
    durationSeconds: outcome.ringSeconds + (isAnswered ? outcome.billableSeconds : 0),
    disposition: outcome.disposition,
    direction: parts.direction,
    extension: parts.extension,
    externalNumber: parts.externalNumber,
    externalCountry: parts.externalCountry,
    lineNumber: parts.account.lineNumber,
    accountCode: parts.account.accountCode,
    costYen: isCharged && parts.rate ? costYenFor(parts.rate, outcome.billableSeconds) : 0,
    scenarioId: parts.scenarioId,
  };
}
