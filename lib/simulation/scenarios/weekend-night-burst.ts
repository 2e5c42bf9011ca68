import { fillNumberPattern } from "@/lib/simulation/fill-number-pattern";
import { HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, channelLoop, internationalCall, pickDistinct, unanswered } from "./scenario-helpers";

// The weekend window (research §0.2, Clearfly: ~60 h from Friday 21:00 to Monday): several lines
// hold long calls (~20 min, the IRSF long-duration variant) to Guinea numbers in one range.

const DURATION_MS = 57 * HOUR_MS;

export const weekendNightBurstScenario: ScenarioDefinition = {
  kind: "weekend-night-burst",
  isAttack: true,
  expectedReasons: ["NEW_COUNTRY", "HIGH_RISK_DEST", "VOLUME_SPIKE", "COST_SPIKE", "CONCURRENCY", "OFF_HOURS"],
  description: "Weekend burst: from Friday 21:00 to Monday 06:00, 4–6 lines hold ~20-minute calls back to back to 30 Guinea numbers in one range.",
  nominalDurationMs: DURATION_MS,
  minimumSeats: 4,
  generate(context) {
    const { random, startAtMs } = context;
    const lines = pickDistinct(context.account.extensions, context.scale >= 3 ? 6 : 4, random);
    const prefix = `01022462${fillNumberPattern("##", random)}`;
    const numbers = Array.from({ length: 30 }, () => `${prefix}${fillNumberPattern("####", random)}`);
    return lines.flatMap((extension) =>
      channelLoop({
        fromMs: startAtMs + random.integer(0, 1800) * 1000,
        untilMs: startAtMs + DURATION_MS,
        random,
        gapMeanSeconds: 45,
        place: (startedAtMs) => {
          const outcome = random.chance(0.92)
            ? answered(random.integer(3, 8), Math.min(7200, Math.round(random.logNormal(1300, 0.45))))
            : unanswered("no_answer", random.integer(20, 40));
          return internationalCall(context, { startedAtMs, extension, destination: "GN", externalNumber: random.pick(numbers), outcome });
        },
      }),
    );
  },
};
