import { DOMESTIC_RATE_OF } from "@/lib/simulation/domestic-destinations";
import { drawDomesticNumber } from "@/lib/simulation/draw-number";
import { makeCall } from "@/lib/simulation/make-call";
import { HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, channelLoop, unanswered } from "./scenario-helpers";

// Domestic premium-rate abuse (research §2.4, R16): over a weekend night and day, one extension keeps
// two calls of ~30 min running to two 0990 information-charge numbers.

const DURATION_MS = 33 * HOUR_MS;

export const premiumDomesticAbuseScenario: ScenarioDefinition = {
  kind: "premium-domestic-abuse",
  isAttack: true,
  expectedReasons: ["PREMIUM_DOMESTIC", "OFF_HOURS", "COST_SPIKE"],
  description: "Premium-rate abuse: from Saturday 20:00 to Monday 05:00, one extension keeps two ~30-minute calls running to two 0990 numbers (200 yen/min).",
  nominalDurationMs: DURATION_MS,
  minimumSeats: 2,
  generate(context) {
    const { random, startAtMs, account } = context;
    const extension = random.pick(account.extensions);
    const numbers = [drawDomesticNumber("premium", random), drawDomesticNumber("premium", random)];
    return numbers.flatMap((externalNumber, channel) =>
      channelLoop({
        fromMs: startAtMs + channel * random.integer(60, 1200) * 1000,
        untilMs: startAtMs + DURATION_MS,
        random,
        gapMeanSeconds: 2400,
        place: (startedAtMs) =>
          makeCall({
            startedAtMs,
            direction: "outbound",
            outcome: random.chance(0.95) ? answered(random.integer(3, 6), Math.min(3600, Math.max(300, Math.round(random.logNormal(1800, 0.35))))) : unanswered("busy", 1),
            extension,
            externalNumber,
            externalCountry: "JP",
            rate: DOMESTIC_RATE_OF.premium,
            account,
            scenarioId: context.id,
          }),
      }),
    );
  },
};
