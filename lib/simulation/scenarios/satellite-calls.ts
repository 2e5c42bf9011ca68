import { fillNumberPattern } from "@/lib/simulation/fill-number-pattern";
import { HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, channelLoop, internationalCall, unanswered } from "./scenario-helpers";

// Satellite numbers (research §4.2: +881/+882 are HIGH_RISK_DEST whatever the history, and the most
// expensive tariff class): on a holiday night one extension holds two lines to Thuraya (+882 16).

const DURATION_MS = 5 * HOUR_MS;

export const satelliteCallsScenario: ScenarioDefinition = {
  kind: "satellite-calls",
  isAttack: true,
  expectedReasons: ["HIGH_RISK_DEST", "COST_SPIKE", "OFF_HOURS"],
  description: "Satellite: on a holiday (or Sunday) night from 23:00, one extension holds two lines of ~15-minute calls to two Thuraya (+882 16) numbers for five hours (1,000 yen/min).",
  nominalDurationMs: DURATION_MS,
  minimumSeats: 2,
  generate(context) {
    const { random, startAtMs } = context;
    const extension = random.pick(context.account.extensions);
    const numbers = [`010882${fillNumberPattern("16########", random)}`, `010882${fillNumberPattern("16########", random)}`];
    return numbers.flatMap((externalNumber, line) =>
      channelLoop({
        fromMs: startAtMs + line * random.integer(120, 900) * 1000,
        untilMs: startAtMs + DURATION_MS,
        random,
        gapMeanSeconds: 600,
        place: (startedAtMs) => {
          const outcome = random.chance(0.9)
            ? answered(random.integer(5, 12), Math.min(3600, Math.max(60, Math.round(random.logNormal(900, 0.5)))))
            : unanswered("no_answer", random.integer(20, 40));
          return internationalCall(context, { startedAtMs, extension, destination: "THURAYA", externalNumber, outcome });
        },
      }),
    );
  },
};
