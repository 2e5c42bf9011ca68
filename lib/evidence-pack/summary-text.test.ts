import { expect, test } from "vitest";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { reportText } from "@/lib/evidence-pack/report-text";
import { summaryFacts, summaryLead } from "@/lib/evidence-pack/summary-text";
import { carrierLetter } from "@/lib/evidence-pack/actions-text";

const pack = {
  reportId: "EP-20260318-ABCDEF",
  generatedAt: new Date("2026-03-18T01:00:00Z"),
  org: { name: "Setagaya Insurance Agency", timeZone: "Asia/Tokyo", currency: "JPY", countryCode: "JP" },
  incident: { firstCallAt: new Date("2026-03-13T17:30:01Z"), lastCallAt: new Date("2026-03-17T17:29:00Z"), calls: 14_000, estimatedCost: 2_550_000, currency: "JPY", destinations: [["SL", 14_000]] },
  totals: { answered: 13_500, billableSeconds: 420_000, carrierBilled: null, distinctNumbers: 6, medianGapSeconds: 25, nightCalls: 3_000, offHoursCalls: 11_000 },
  findings: [{ ruleId: "UNIFORM_SHORT_DURATION" }, { ruleId: "NEW_COUNTRY" }],
} as unknown as EvidencePack;

test("the summary says what happened with the dashboard's numbers, in English", () => {
  const text = reportText("en", "Asia/Tokyo", "JPY");
  expect(summaryLead(pack, text)).toBe(
    "Between Mar 14, 2026, 2:30 AM and Mar 18, 2026, 2:29 AM, the organization's phone system placed 14,000 outbound calls to Sierra Leone: 7,000 minutes in all, with charges of ¥2,550,000. " +
      "These calls follow the pattern of a hijacked phone system (toll fraud), not of people calling: they all last about the same time; 3,000 of them were placed between 00:00 and 06:00; 11,000 outside business hours; to destinations the organization had not called before.",
  );
  expect(summaryFacts(pack, text)).toContainEqual(["Estimated charges", "¥2,550,000"]);
});

test("and in Japanese, with Japanese dates and the full-width yen the dashboard shows", () => {
  const text = reportText("ja", "Asia/Tokyo", "JPY");
  expect(summaryLead(pack, text)).toContain("2026/03/14 2:30から2026/03/18 2:29までの間に、組織の電話設備からシエラレオネへ14,000件の発信があり、通話時間は計7,000分、料金は￥2,550,000です。");
  expect(summaryFacts(pack, text)).toContainEqual(["通話数", "14,000"]);
});

test("the letter names the addressee, the account and the report", () => {
  const letter = carrierLetter(pack, { addressee: "Fraud desk", accountNumber: "0312345678", carrier: "NTT East" }, reportText("en", "Asia/Tokyo", "JPY"));
  expect(letter.to).toBe("To: NTT East Fraud desk");
  expect(letter.subject).toContain("(account 0312345678)");
  expect(letter.paragraphs[1]).toContain("EP-20260318-ABCDEF");
});
