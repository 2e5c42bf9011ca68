import { drawInternationalNumber } from "@/lib/simulation/draw-number";
import type { InternationalDestinationId } from "@/lib/simulation/international-destinations";
import { cumulativeOf } from "@/lib/simulation/profiles/hours-profiles";
import type { CallDraft } from "@/lib/simulation/simulated-call";
import { DAY_MS, HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, internationalCall, pickDistinct, unanswered } from "./scenario-helpers";

// The legitimate look-alike (research §5.3, benchmark N1/N3): a two-week Asia-Pacific sales campaign.
// International volume and new countries jump, but only on workdays 10:00–17:30 (never at lunch),
// from a few sales extensions, to many different numbers, with ordinary talk times.

const SPAN_DAYS = 14;
const COUNTRIES: InternationalDestinationId[] = ["TW", "KR", "HK", "SG", "AU", "MY", "TH"];
const COUNTRY_CUMULATIVE = cumulativeOf([0.25, 0.2, 0.15, 0.15, 0.1, 0.08, 0.07]);
/** Minutes after 10:00 at which calls may start, lunch (12:00–13:00) left out. */
const CALLING_MINUTES = [...Array.from({ length: 120 }, (_, minute) => minute), ...Array.from({ length: 270 }, (_, minute) => 180 + minute)];

export const marketingCampaignScenario: ScenarioDefinition = {
  kind: "marketing-campaign",
  isAttack: false,
  expectedReasons: ["NEW_COUNTRY", "VOLUME_SPIKE", "COST_SPIKE", "SOURCE_SHARE"],
  description: "Legitimate campaign: for two weeks, sales staff call prospects in Taiwan, Korea, Hong Kong, Singapore, Australia, Malaysia and Thailand on workdays 10:00–17:30, ordinary talk times.",
  nominalDurationMs: SPAN_DAYS * DAY_MS,
  minimumSeats: 10,
  generate(context) {
    const { random, calendar } = context;
    const perWorkday = 15 * context.scale;
    const salesTeam = pickDistinct(context.account.extensions, Math.min(context.account.extensions.length, 2 + 3 * Math.round(context.scale)), random);
    const toRedial: { destination: InternationalDestinationId; number: string }[] = [];
    const calls: CallDraft[] = [];
    for (let offset = 0; offset < SPAN_DAYS; offset++) {
      const dayIndex = calendar.dayIndexOf(context.startAtMs + offset * DAY_MS);
      if (dayIndex < 0 || calendar.days[dayIndex].dayType !== "workday") continue;
      const dayStartMs = calendar.days[dayIndex].startMs;
      for (let count = random.poisson(perWorkday); count > 0; count--) {
        const startedAtMs = dayStartMs + 10 * HOUR_MS + random.pick(CALLING_MINUTES) * 60_000 + random.integer(0, 59) * 1000;
        if (startedAtMs < context.startAtMs) continue;
        const redial = toRedial.length > 0 && random.chance(0.1) ? toRedial.splice(random.integer(0, toRedial.length - 1), 1)[0] : null;
        const destination = redial?.destination ?? COUNTRIES[random.weightedIndex(COUNTRY_CUMULATIVE)];
        const externalNumber = redial?.number ?? drawInternationalNumber(destination, random);
        const draw = random.next();
        const outcome = draw < 0.55
          ? answered(random.integer(3, 15), Math.min(1800, Math.max(15, Math.round(random.logNormal(200, 0.7)))))
          : unanswered(draw < 0.85 ? "no_answer" : draw < 0.95 ? "busy" : "failed", draw < 0.85 ? random.integer(15, 40) : random.integer(0, 2));
        if (outcome.disposition !== "answered") toRedial.push({ destination, number: externalNumber });
        calls.push(internationalCall(context, { startedAtMs, extension: random.pick(salesTeam), destination, externalNumber, outcome }));
      }
    }
    return calls;
  },
};
