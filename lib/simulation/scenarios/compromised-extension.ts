import { drawInternationalNumber } from "@/lib/simulation/draw-number";
import type { InternationalDestinationId } from "@/lib/simulation/international-destinations";
import type { CallDraft } from "@/lib/simulation/simulated-call";
import { DAY_MS, HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, internationalCall, unanswered } from "./scenario-helpers";

// Stolen SIP credentials of one extension (research §2.6): from a Tuesday evening, for five days, that
// extension alone calls Cuba, Somalia, Tunisia and the Maldives, mostly at night, while every other
// extension behaves as usual.

const SPAN_DAYS = 5;
const COUNTRIES: InternationalDestinationId[] = ["CU", "SO", "TN", "MV"];

export const compromisedExtensionScenario: ScenarioDefinition = {
  kind: "compromised-extension",
  isAttack: true,
  expectedReasons: ["SOURCE_SHARE", "NEW_COUNTRY", "HIGH_RISK_DEST", "OFF_HOURS", "COST_SPIKE"],
  description: "Compromised extension: for five days from a Tuesday 19:40, one extension places 20–80 calls a day to Cuba, Somalia, Tunisia and the Maldives, two thirds of them at night.",
  nominalDurationMs: SPAN_DAYS * DAY_MS,
  minimumSeats: 3,
  generate(context) {
    const { random, startAtMs } = context;
    const extension = random.pick(context.account.extensions);
    const numbers = COUNTRIES.flatMap((destination) => Array.from({ length: 3 }, () => ({ destination, number: drawInternationalNumber(destination, random) })));
    const perDay = 20 + 10 * context.scale;
    const firstDayMs = context.calendar.days[Math.max(0, context.calendar.dayIndexOf(startAtMs))].startMs;
    const calls: CallDraft[] = [];
    for (let offset = 0; offset < SPAN_DAYS; offset++) {
      const dayMs = firstDayMs + offset * DAY_MS;
      for (let count = random.poisson(perDay); count > 0; count--) {
        const startedAtMs = random.chance(0.65)
          ? dayMs + 19 * HOUR_MS + random.integer(0, 8 * 3600 - 1) * 1000
          : dayMs + 9 * HOUR_MS + random.integer(0, 9 * 3600 - 1) * 1000;
        if (startedAtMs < startAtMs || startedAtMs >= startAtMs + SPAN_DAYS * DAY_MS) continue;
        const target = random.pick(numbers);
        const draw = random.next();
        const outcome = draw < 0.8
          ? answered(random.integer(3, 10), Math.min(3600, Math.max(10, Math.round(random.logNormal(300, 0.8)))))
          : unanswered(draw < 0.95 ? "no_answer" : "busy", random.integer(1, 30));
        calls.push(internationalCall(context, { startedAtMs, extension, destination: target.destination, externalNumber: target.number, outcome }));
      }
    }
    return calls;
  },
};
