import { fillNumberPattern } from "@/lib/simulation/fill-number-pattern";
import { makeCall } from "@/lib/simulation/make-call";
import type { CallDraft } from "@/lib/simulation/simulated-call";
import type { ScenarioDefinition } from "./scenario-definition";
import { unanswered } from "./scenario-helpers";

// A SIP scanner after midnight (research §2.5, Intuitive Labs' honeynet): ~3,000 INVITEs in about
// 20 minutes from guessed extensions, each trying one Swedish number behind a different dial prefix
// (+, 900, 9011, 000, 010). All fail, so only the PBX's CDRs show them; the bill shows nothing.

const ATTEMPTS = 3000;
const GUESSED_SOURCES = ["100", "101", "102", "200", "1000", "1001", "1234", "2000", "9999", "0"];
const DIAL_PREFIXES = ["+46", "90046", "901146", "00046", "01046"];

export const sipScannerBurstScenario: ScenarioDefinition = {
  kind: "sip-scanner-burst",
  isAttack: true,
  expectedReasons: ["VOLUME_SPIKE", "OFF_HOURS", "NEW_COUNTRY"],
  description: "SIP scanner: ~3,000 failed attempts in ~20 minutes after midnight, from guessed extensions, to one Swedish number behind five dial prefixes; visible only in PBX CDRs.",
  nominalDurationMs: 3_600_000,
  minimumSeats: 2,
  generate(context) {
    const { random, account } = context;
    const swedishNumber = fillNumberPattern("8########", random);
    const calls: CallDraft[] = [];
    // The CDR keeps whole seconds: several attempts share a second, as in a real burst.
    let atMs = context.startAtMs;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      calls.push(makeCall({
        startedAtMs: Math.floor(atMs / 1000) * 1000,
        direction: "outbound",
        outcome: unanswered("failed", 0),
        extension: random.pick(GUESSED_SOURCES),
        externalNumber: `${random.pick(DIAL_PREFIXES)}${swedishNumber}`,
        externalCountry: "SE",
        rate: null,
        account,
        scenarioId: context.id,
      }));
      atMs += random.exponential(0.4) * 1000;
    }
    return calls;
  },
};
