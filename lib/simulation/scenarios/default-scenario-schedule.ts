import { buildSimulationCalendar, type SimulationCalendar } from "@/lib/simulation/simulation-calendar";
import type { ScenarioKind } from "@/lib/simulation/simulated-call";
import { DAY_MS, tokyoDateText } from "@/lib/simulation/tokyo-time";
import { SCENARIOS } from "./scenario-registry";

// Where the scenarios go by default: one every week or two after five clean weeks (a detector needs
// ~28 days of baseline), never overlapping, each at its realistic moment. Weeks are for a 180-day
// period and stretch or shrink with the period.

export type ScenarioPlan = {
  kind: ScenarioKind;
  /** Tokyo wall-clock start, "2026-06-13T02:30". */
  startsAt: string;
  /** Defaults to the kind (with a number if the kind repeats). */
  id?: string;
  /** ITSP: the account hit; by default one drawn from the seed among accounts large enough. */
  accountCode?: string;
};

type Slot = { kind: ScenarioKind; week: number; weekday: number; time: string; preferHoliday?: boolean };

const REFERENCE_DAYS = 180;
const SLOTS: readonly Slot[] = [
  { kind: "sequential-range-scan", week: 5, weekday: 2, time: "03:10" },
  { kind: "wangiri-callbacks", week: 6, weekday: 3, time: "01:00" },
  { kind: "compromised-extension", week: 8, weekday: 2, time: "19:40" },
  { kind: "marketing-campaign", week: 10, weekday: 1, time: "10:00" },
  { kind: "premium-domestic-abuse", week: 13, weekday: 6, time: "20:00" },
  { kind: "slow-irsf-spread", week: 14, weekday: 1, time: "10:00" },
  { kind: "sip-scanner-burst", week: 18, weekday: 2, time: "01:05" },
  { kind: "satellite-calls", week: 19, weekday: 0, time: "23:00", preferHoliday: true },
  { kind: "weekend-night-burst", week: 21, weekday: 5, time: "21:00" },
  { kind: "sierra-leone-flood", week: 23, weekday: 6, time: "02:30" },
];

/** The default plan for a period; scenarios that cannot fit a short period are left out. */
export function defaultScenarioSchedule(startDate: string, days: number): ScenarioPlan[] {
  const calendar = buildSimulationCalendar(startDate, days);
  const plans: ScenarioPlan[] = [];
  for (const slot of SLOTS) {
    const anchor = Math.round((slot.week * 7 * days) / REFERENCE_DAYS);
    const dayIndex = placeSlot(slot, anchor, calendar);
    if (dayIndex !== null) plans.push({ kind: slot.kind, startsAt: `${tokyoDateText(calendar.days[dayIndex].startMs)}T${slot.time}` });
  }
  return plans;
}

function placeSlot(slot: Slot, anchor: number, calendar: SimulationCalendar): number | null {
  const { days } = calendar;
  const fits = (index: number) => index >= 0 && index < days.length && days[index].startMs + DAY_MS + SCENARIOS[slot.kind].nominalDurationMs <= calendar.endMs;
  if (slot.preferHoliday) {
    // A holiday night (the eve of the next workday stays quiet), else the matching weekday.
    for (let index = anchor; index < anchor + 14; index++) if (fits(index) && days[index].isPublicHoliday) return index;
  }
  const weekdayOf = (index: number) => (days[0].weekday + index) % 7;
  let index = anchor + ((slot.weekday - weekdayOf(anchor) + 7) % 7);
  while (index >= 0 && !fits(index)) index -= 7;
  return index >= 0 ? index : null;
}
