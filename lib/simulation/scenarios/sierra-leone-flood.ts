import { fillNumberPattern } from "@/lib/simulation/fill-number-pattern";
import { DAY_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, channelLoop, internationalCall, pickDistinct, unanswered } from "./scenario-helpers";

// The seed case (research §2.2): six hijacked phones call a handful of Sierra Leone numbers in one
// prefix, ~32 s and ~175 yen a call, round the clock from Saturday 02:30 for four days: ~14,600
// calls and ~2.5M yen, the bill of the 2015 Tokyo insurance agency.

const DURATION_MS = 4 * DAY_MS;
const TARGET_CALLS = 14_600;
const HIJACKED_LINES = 6;
const DISTINCT_NUMBERS = 6;

export const sierraLeoneFloodScenario: ScenarioDefinition = {
  kind: "sierra-leone-flood",
  isAttack: true,
  expectedReasons: ["NEW_COUNTRY", "HIGH_RISK_DEST", "VOLUME_SPIKE", "COST_SPIKE", "CONCURRENCY", "OFF_HOURS", "UNIFORM_SHORT_DURATION"],
  description: "Hijacked PBX: ~14,600 calls of 30–32 s to six Sierra Leone numbers in one prefix, round the clock for four days from a Saturday 02:30 (the 2015 Tokyo case, ~2.5M yen).",
  nominalDurationMs: DURATION_MS,
  minimumSeats: HIJACKED_LINES,
  generate(context) {
    const { random, startAtMs } = context;
    const lines = pickDistinct(context.account.extensions, HIJACKED_LINES, random);
    const prefix = `01023276${fillNumberPattern("####", random)}`;
    const numbers = pickDistinct(Array.from({ length: 100 }, (_, index) => `${prefix}${String(index).padStart(2, "0")}`), DISTINCT_NUMBERS, random);
    // Each line redials after a pause sized so that all lines together place TARGET_CALLS.
    const cycleSeconds = ((DURATION_MS / 1000) * lines.length) / TARGET_CALLS;
    const gapMeanSeconds = Math.max(1, cycleSeconds - 37);
    return lines.flatMap((extension) =>
      channelLoop({
        fromMs: startAtMs + random.integer(0, 90) * 1000,
        untilMs: startAtMs + DURATION_MS,
        random,
        gapMeanSeconds,
        place: (startedAtMs) => {
          const draw = random.next();
          const outcome = draw < 0.97
            ? answered(random.integer(2, 5), draw < 0.1 ? 30 : draw < 0.4 ? 31 : 32)
            : unanswered(draw < 0.99 ? "busy" : "failed", random.integer(0, 2));
          return internationalCall(context, { startedAtMs, extension, destination: "SL", externalNumber: random.pick(numbers), outcome });
        },
      }),
    );
  },
};
