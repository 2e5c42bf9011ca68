import { drawInternationalNumber } from "@/lib/simulation/draw-number";
import type { InternationalDestinationId } from "@/lib/simulation/international-destinations";
import { DAY_MS, HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, internationalCall, unanswered } from "./scenario-helpers";

// The slow drip (research §2.1): a few long calls a day for three weeks, mostly in business hours,
// each to a fresh number in one of a dozen countries, "low-risk" EU ones included, so no single day
// or country stands out; only novelty and the growing bill give it away.

const SPAN_DAYS = 21;
const COUNTRIES: InternationalDestinationId[] = ["LV", "LT", "CU", "DO", "MA", "LK", "TN", "GB", "BE", "CH", "IT", "SO"];

export const slowIrsfSpreadScenario: ScenarioDefinition = {
  kind: "slow-irsf-spread",
  isAttack: true,
  expectedReasons: ["NEW_COUNTRY", "HIGH_RISK_DEST", "COST_SPIKE"],
  description: "Slow IRSF: a few calls of ~15 min a day for three weeks, in business hours, each to a fresh number in one of 12 countries (Latvia, Cuba, Dominican Republic … and low-risk EU).",
  nominalDurationMs: SPAN_DAYS * DAY_MS,
  minimumSeats: 3,
  generate(context) {
    const { random, calendar } = context;
    const perWorkday = 3 * Math.sqrt(context.scale);
    const dialled: { destination: InternationalDestinationId; number: string }[] = [];
    const calls = [];
    for (let offset = 0; offset < SPAN_DAYS; offset++) {
      const dayIndex = calendar.dayIndexOf(context.startAtMs + offset * DAY_MS);
      if (dayIndex < 0) continue;
      const day = calendar.days[dayIndex];
      const isWorkday = day.dayType === "workday";
      for (let count = random.poisson(isWorkday ? perWorkday : perWorkday * 0.3); count > 0; count--) {
        const startedAtMs = day.startMs + (isWorkday ? random.integer(9, 18) : random.integer(10, 22)) * HOUR_MS + random.integer(0, 3599) * 1000;
        if (startedAtMs < context.startAtMs) continue;
        const redial = dialled.length > 0 && random.chance(0.2) ? random.pick(dialled) : null;
        const destination = redial?.destination ?? random.pick(COUNTRIES);
        const externalNumber = redial?.number ?? drawInternationalNumber(destination, random);
        if (!redial) dialled.push({ destination, number: externalNumber });
        const outcome = random.chance(0.85)
          ? answered(random.integer(3, 10), Math.min(7200, Math.round(random.logNormal(900, 0.6))))
          : unanswered("no_answer", random.integer(15, 40));
        calls.push(internationalCall(context, { startedAtMs, extension: random.pick(context.account.extensions), destination, externalNumber, outcome }));
      }
    }
    return calls;
  },
};
