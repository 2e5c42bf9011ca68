import type { ExplanationTemplates } from "@/lib/detection/explain-finding";

// English sentences per reason code. `n` holds the finding's stored numbers.

const DAY_TYPE: Record<string, string> = { workday: "workday", saturday: "Saturday", closed: "Sunday or holiday" };

export const EXPLANATIONS_EN: ExplanationTemplates = {
  VOLUME_SPIKE: ({ numbers: n, count, date, top, day }) => {
    const usual = n.baselineKind === "cold-start"
      ? `too little history for a baseline yet, so the fixed threshold of ${count(n.threshold)} applies`
      : `usually ${count(n.expected)} on a ${DAY_TYPE[String(n.dayType)] ?? "day like this"}`;
    const peak = n.peakHour && typeof n.peakHour === "object" ? ` Busiest hour: ${String((n.peakHour as { hour: number }).hour).padStart(2, "0")}:00 with ${count((n.peakHour as { calls: number }).calls)} calls.` : "";
    return `${count(n.observed)} outbound international calls on ${date(day)} — ${usual}. Most went to ${top(n.topDestinations)}.${peak}`;
  },
  NEW_COUNTRY: ({ numbers: n, count, country, date, day }) =>
    typeof n.flaggedSince === "string"
      ? `Calls to ${country(n.country)} go on: ${count(n.calls)} on ${date(day)} (${count(n.answered)} answered, ${count(n.minutes)} min) — never called in the 90 days before the flagged days that began ${date(n.flaggedSince)}.`
      : `First calls in at least 90 days to ${country(n.country)}: ${count(n.calls)} on ${date(day)} (${count(n.answered)} answered, ${count(n.minutes)} min).`,
  HIGH_RISK_DEST: ({ numbers: n, count, country, date, day }) =>
    `${count(n.answered)} answered calls on ${date(day)} to ${n.kind === "country" ? country(n.destination) : `${String(n.name)} (${String(n.destination)})`}, a destination repeatedly reported for international revenue share fraud — ${count(n.minutes)} min to ${count(n.distinctNumbers)} numbers.`,
  UNIFORM_SHORT_DURATION: ({ numbers: n, count, percent, date, day, top }) =>
    `${percent(n.share)} of the answered international calls on ${date(day)} lasted ${count(n.bandLowSeconds)}–${count(n.bandHighSeconds)} s (${count(n.callsInBand)} calls, median ${count(n.medianSeconds)} s): machine-made, not people talking. To ${top(n.topDestinations)}.`,
  OFF_HOURS: ({ numbers: n, count, date, day, top }) =>
    `${count(n.calls)} international calls outside business hours on ${date(day)}${n.dayType === "closed" ? " (a closed day)" : ""}${n.usualCalls === null || n.usualCalls === undefined ? "" : ` — usually ${count(n.usualCalls)}`}, ${count(n.nightCalls)} of them between 00:00 and 06:00. To ${top(n.topDestinations)}.`,
  CONCURRENCY: ({ numbers: n, count, time }) =>
    `${count(n.peakConcurrent)} international calls at the same time at ${time(n.peakAt)} — more than ${count(n.limit)}${n.limitKind === "lines" ? ", the lines the business has" : n.limitKind === "off-hours" ? " expected while closed" : " expected in business hours"}.`,
  SEQUENTIAL_BNUM: ({ numbers: n, count }) =>
    Number(n.runLength) >= 5
      ? `${count(n.runLength)} consecutive numbers dialled within ${count(n.windowMinutes)} minutes (${String(n.runFirst)} … ${String(n.runLast)}): a range being scanned.`
      : `${count(n.distinctInRange)} different numbers in the range ${String(n.range)}, mostly unanswered or under a minute: a range being tested.`,
  SOURCE_SHARE: ({ numbers: n, count, percent, date, day, cdrText }) =>
    `${n.sourceKind === "account" ? "Account" : "Extension"} ${cdrText(n.source)} placed ${percent(n.share)} of the international calls on ${date(day)} (${count(n.calls)}); usually ${percent(n.usualShare)}.`,
  ACCOUNT_VOLUME_SPIKE: ({ numbers: n, count, date, top, day }) =>
    `${count(n.observed)} outbound international calls on ${date(day)} — this account usually makes ${count(n.expected)} a day (its own last ${count(n.baselineDays)} days). Most went to ${top(n.topDestinations)}.`,
  COST_SPIKE: ({ numbers: n, money, date, day }) =>
    `International charges of ${money(n.cost)} on ${date(day)}${n.isEstimated ? " (estimated from the rate table)" : ""} — above ${money(n.threshold)}${n.thresholdKind === "learned" ? ", twice this organization's usual peak" : ""}; ${money(n.peakHourCost)} in the busiest hour${n.peakHour === null ? "" : ` (${String(n.peakHour).padStart(2, "0")}:00)`}.`,
  WANGIRI_CALLBACK: ({ numbers: n, count, money, top }) => {
    const callbacks = Number(n.callbacks) > 0 ? `${count(n.callbacks)} calls back to numbers abroad that rang once (${money(n.callbackCost)})` : "";
    if (Number(n.burstCalls) === 0) return `${callbacks}, to ${top(n.originCountries)}: the Wangiri "one ring" bait.`;
    return `${count(n.burstCalls)} one-ring calls from abroad within ${count(n.windowMinutes)} minutes from ${count(n.burstNumbers)} numbers (${top(n.originCountries)})${callbacks ? `; ${callbacks}` : ""}.`;
  },
  PREMIUM_DOMESTIC: ({ numbers: n, count, date, day }) =>
    `${count(n.minutes)} minutes to premium-rate or shared-cost numbers on ${date(day)}${n.thresholdKind === "learned" ? ` — usually up to ${count(n.usualMinutes)}` : ""}${Number(n.longOffHoursCalls) > 0 ? `; ${count(n.longOffHoursCalls)} premium-rate ${Number(n.longOffHoursCalls) === 1 ? "call" : "calls"} longer than 30 minutes while closed` : ""} (longest ${count(n.longestMinutes)} min).`,
};
