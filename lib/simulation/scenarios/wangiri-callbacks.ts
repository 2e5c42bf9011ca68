import { fillNumberPattern } from "@/lib/simulation/fill-number-pattern";
import type { SimulationCalendar } from "@/lib/simulation/simulation-calendar";
import type { CallDraft } from "@/lib/simulation/simulated-call";
import { DAY_MS, HOUR_MS } from "@/lib/simulation/tokyo-time";
import type { ScenarioDefinition } from "./scenario-definition";
import { answered, internationalCall, pickDistinct, unanswered } from "./scenario-helpers";

// Wangiri (research §2.3): a night-time burst of one-ring calls from Papua New Guinea numbers, which
// only PBX CDRs show; ~5% of them are called back by staff the next working mornings and held on the
// line at 249 yen per 30 s. Only the callbacks reach the carrier bill.

const BURST_MINUTES = 40;
const CALLBACK_WINDOW_MS = 3 * DAY_MS;

export const wangiriCallbacksScenario: ScenarioDefinition = {
  kind: "wangiri-callbacks",
  isAttack: true,
  expectedReasons: ["WANGIRI_CALLBACK", "NEW_COUNTRY"],
  description: "Wangiri: a night burst of one-ring inbound calls from Papua New Guinea numbers (PBX view only), then ~6% called back on the next working mornings, held for minutes at 249 yen/30 s.",
  nominalDurationMs: CALLBACK_WINDOW_MS,
  minimumSeats: 3,
  generate(context) {
    const { random, startAtMs, account } = context;
    const burstSize = Math.min(600, Math.round(60 * context.scale));
    const prefix = `0106757${fillNumberPattern("##", random)}`;
    const callers = Array.from({ length: Math.round(15 * Math.sqrt(context.scale)) }, () => `${prefix}${fillNumberPattern("#####", random)}`);
    const burst: CallDraft[] = [];
    for (let index = 0; index < burstSize; index++) {
      const startedAtMs = startAtMs + random.integer(0, BURST_MINUTES * 60) * 1000;
      burst.push(internationalCall(context, { startedAtMs, extension: random.pick(account.extensions), destination: "PG", externalNumber: random.pick(callers), outcome: unanswered("no_answer", random.integer(1, 2)), direction: "inbound" }));
    }
    const mornings = workingMornings(context.calendar, startAtMs);
    const callbacks = pickDistinct(burst, Math.max(3, Math.round(burstSize * 0.06)), random).map((missed) => {
      const morningMs = mornings.length > 0 ? random.pick(mornings) : startAtMs + 8 * HOUR_MS;
      const startedAtMs = morningMs + random.integer(0, 3 * 3600) * 1000;
      const extension = random.chance(0.6) ? missed.extension : random.pick(account.extensions);
      const talkSeconds = Math.min(900, Math.max(20, Math.round(random.logNormal(150, 0.5))));
      return internationalCall(context, { startedAtMs, extension, destination: "PG", externalNumber: missed.externalNumber, outcome: answered(random.integer(3, 8), talkSeconds) });
    });
    return [...burst, ...callbacks];
  },
};

/** 09:00 of each workday within the callback window, inside the simulated period. */
function workingMornings(calendar: SimulationCalendar, fromMs: number): number[] {
  const mornings: number[] = [];
  for (let offset = 0; offset * DAY_MS < CALLBACK_WINDOW_MS; offset++) {
    const dayIndex = calendar.dayIndexOf(fromMs + offset * DAY_MS);
    if (dayIndex < 0) continue;
    const day = calendar.days[dayIndex];
    const morningMs = day.startMs + 9 * HOUR_MS;
    if (day.dayType === "workday" && morningMs > fromMs && morningMs < fromMs + CALLBACK_WINDOW_MS) mornings.push(morningMs);
  }
  return mornings;
}
