import type { CallDraft } from "@/lib/simulation/simulated-call";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, internationalCall, unanswered } from "./scenario-helpers";

// Range scanning (research §2.5, R12): in the small hours one extension dials 120 consecutive
// Lithuanian numbers (+1 each time) to find live IPRN test numbers, then tests the one that answered.

const SCANNED_NUMBERS = 120;

export const sequentialRangeScanScenario: ScenarioDefinition = {
  kind: "sequential-range-scan",
  isAttack: true,
  expectedReasons: ["SEQUENTIAL_BNUM", "NEW_COUNTRY", "HIGH_RISK_DEST", "OFF_HOURS", "VOLUME_SPIKE"],
  description: "Range scan: at night one extension dials 120 consecutive Lithuanian numbers (mostly unanswered, a few 3–12 s answers), then three test calls to a number that answered.",
  nominalDurationMs: 2 * 3_600_000,
  minimumSeats: 2,
  generate(context) {
    const { random } = context;
    const extension = random.pick(context.account.extensions);
    const first = random.integer(100, 8000);
    const calls: CallDraft[] = [];
    let startedAtMs = context.startAtMs;
    let live: string | null = null;
    for (let offset = 0; offset < SCANNED_NUMBERS; offset++) {
      const externalNumber = `0103706990${String(first + offset).padStart(4, "0")}`;
      const draw = random.next();
      const outcome = draw < 0.15 ? answered(random.integer(2, 6), random.integer(3, 12)) : draw < 0.65 ? unanswered("no_answer", random.integer(5, 20)) : unanswered("failed", random.integer(0, 1));
      if (outcome.disposition === "answered") live = externalNumber;
      const call = internationalCall(context, { startedAtMs, extension, destination: "LT", externalNumber, outcome });
      calls.push(call);
      startedAtMs += (call.durationSeconds + random.integer(12, 30)) * 1000;
    }
    const testNumber = live ?? `0103706990${String(first).padStart(4, "0")}`;
    for (let test = 0; test < 3; test++) {
      startedAtMs += random.integer(300, 600) * 1000;
      const call = internationalCall(context, { startedAtMs, extension, destination: "LT", externalNumber: testNumber, outcome: answered(random.integer(2, 6), random.integer(60, 180)) });
      calls.push(call);
      startedAtMs += call.durationSeconds * 1000;
    }
    return calls;
  },
};
