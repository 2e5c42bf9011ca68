import type { ExplanationTemplates } from "@/lib/detection/explain-finding";

// 理由コードごとの日本語の説明文。`n` は検知結果に保存された数値。

const DAY_TYPE: Record<string, string> = { workday: "平日", saturday: "土曜日", closed: "日曜・祝日" };

export const EXPLANATIONS_JA: ExplanationTemplates = {
  VOLUME_SPIKE: ({ numbers: n, count, date, top, day }) => {
    const usual = n.baselineKind === "cold-start"
      ? `まだ比較できる履歴が少ないため、固定のしきい値（${count(n.threshold)}件）で判定`
      : `${DAY_TYPE[String(n.dayType)] ?? "同じ種類の日"}の通常は${count(n.expected)}件`;
    const peak = n.peakHour && typeof n.peakHour === "object" ? `最も多い時間帯は${(n.peakHour as { hour: number }).hour}時台で${count((n.peakHour as { calls: number }).calls)}件。` : "";
    return `${date(day)}の国際発信は${count(n.observed)}件 — ${usual}。主な発信先：${top(n.topDestinations)}。${peak}`;
  },
  NEW_COUNTRY: ({ numbers: n, count, country, date, day }) =>
    typeof n.flaggedSince === "string"
      ? `${country(n.country)}への発信が続いています：${date(day)}に${count(n.calls)}件（応答${count(n.answered)}件、${count(n.minutes)}分） — ${date(n.flaggedSince)}からの要注意日より前の90日間は発信がありませんでした。`
      : `${country(n.country)}への発信は90日以上なかったのに、${date(day)}に${count(n.calls)}件（応答${count(n.answered)}件、${count(n.minutes)}分）。`,
  HIGH_RISK_DEST: ({ numbers: n, count, country, date, day }) =>
    `${date(day)}、国際収入分配詐欺（IRSF）で繰り返し報告されている発信先 ${n.kind === "country" ? country(n.destination) : `${String(n.name)}（${String(n.destination)}）`} への応答通話が${count(n.answered)}件 — ${count(n.distinctNumbers)}番号へ計${count(n.minutes)}分。`,
  UNIFORM_SHORT_DURATION: ({ numbers: n, count, percent, date, day, top }) =>
    `${date(day)}の応答した国際通話の${percent(n.share)}が${count(n.bandLowSeconds)}〜${count(n.bandHighSeconds)}秒（${count(n.callsInBand)}件、中央値${count(n.medianSeconds)}秒）：人の会話ではなく機械による発信です。発信先：${top(n.topDestinations)}。`,
  OFF_HOURS: ({ numbers: n, count, date, day, top }) =>
    `${date(day)}${n.dayType === "closed" ? "（休業日）" : ""}の営業時間外の国際発信が${count(n.calls)}件${n.usualCalls === null || n.usualCalls === undefined ? "" : `（通常は${count(n.usualCalls)}件）`}、うち0〜6時に${count(n.nightCalls)}件。発信先：${top(n.topDestinations)}。`,
  CONCURRENCY: ({ numbers: n, count, time }) =>
    `${time(n.peakAt)}に国際通話が同時に${count(n.peakConcurrent)}件 — ${n.limitKind === "lines" ? "契約回線数" : n.limitKind === "off-hours" ? "営業時間外に想定される" : "営業時間内に想定される"}${count(n.limit)}件を超えています。`,
  SEQUENTIAL_BNUM: ({ numbers: n, count }) =>
    Number(n.runLength) >= 5
      ? `${count(n.windowMinutes)}分以内に連番の番号へ${count(n.runLength)}件発信（${String(n.runFirst)} … ${String(n.runLast)}）：番号帯の探索です。`
      : `番号帯 ${String(n.range)} の異なる番号${count(n.distinctInRange)}件へ発信、ほとんどが不応答か1分未満：番号帯の試験発信です。`,
  SOURCE_SHARE: ({ numbers: n, count, percent, date, day, cdrText }) =>
    `${n.sourceKind === "account" ? "アカウント" : "内線"} ${cdrText(n.source)} が${date(day)}の国際発信の${percent(n.share)}（${count(n.calls)}件）を発信。通常は${percent(n.usualShare)}。`,
  ACCOUNT_VOLUME_SPIKE: ({ numbers: n, count, date, top, day }) =>
    `${date(day)}の国際発信は${count(n.observed)}件 — このアカウントの通常は1日${count(n.expected)}件（直近${count(n.baselineDays)}日）。主な発信先：${top(n.topDestinations)}。`,
  COST_SPIKE: ({ numbers: n, money, date, day }) =>
    `${date(day)}の国際通話料は${money(n.cost)}${n.isEstimated ? "（料金表からの推定）" : ""} — ${money(n.threshold)}${n.thresholdKind === "learned" ? "（この組織の通常の最大の2倍）" : ""}を超えています。最も多い時間帯${n.peakHour === null ? "" : `（${String(n.peakHour)}時台）`}だけで${money(n.peakHourCost)}。`,
  WANGIRI_CALLBACK: ({ numbers: n, count, money, top }) => {
    const callbacks = Number(n.callbacks) > 0 ? `海外のワン切り番号への折り返し発信が${count(n.callbacks)}件（${money(n.callbackCost)}）` : "";
    if (Number(n.burstCalls) === 0) return `${callbacks}。発信先：${top(n.originCountries)}。ワン切り詐欺（Wangiri）の手口です。`;
    return `海外からのワン切りが${count(n.windowMinutes)}分以内に${count(n.burstCalls)}件（${count(n.burstNumbers)}番号、${top(n.originCountries)}）${callbacks ? `。${callbacks}` : ""}。`;
  },
  PREMIUM_DOMESTIC: ({ numbers: n, count, date, day }) =>
    `${date(day)}、高額な有料番号（0990・0570など）への通話が計${count(n.minutes)}分${n.thresholdKind === "learned" ? `（通常は最大${count(n.usualMinutes)}分）` : ""}${Number(n.longOffHoursCalls) > 0 ? `、うち営業時間外の30分を超える有料番号（0990など）への通話が${count(n.longOffHoursCalls)}件` : ""}（最長${count(n.longestMinutes)}分）。`,
};
