import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { renderEvidencePdf } from "@/lib/evidence-pack/pdf/render-evidence-pdf";

// The renderer alone, on packs no real incident made: CDR text written to deceive (bidirectional
// overrides, zero-width characters, a formula) is shown as markers; an incident without calls renders.

function packWith(overrides: Partial<EvidencePack>): EvidencePack {
  return {
    reportId: "EP-20260318-ABCDEF", generatedAt: new Date("2026-03-18T01:00:00Z"), preparedBy: null,
    org: { name: "Org", timeZone: "Asia/Tokyo", currency: "JPY", countryCode: "JP" },
    incident: { id: "i", status: "open", severity: "critical", firstCallAt: new Date("2026-03-13T17:30:00Z"), lastCallAt: new Date("2026-03-13T17:30:00Z"), calls: 0, estimatedCost: 0, currency: "JPY", destinations: [], blockRequestedAt: null, blockCompletedAt: null, blockWindow: null },
    totals: { answered: 0, billableSeconds: 0, carrierBilled: null, distinctNumbers: 0, medianGapSeconds: null, nightCalls: 0, offHoursCalls: 0 },
    sources: [], timeline: { bucketHours: 1, points: [] }, hourOfDay: { countries: [], points: Array.from({ length: 24 }, (_, hour) => ({ hour, byCountry: {}, usual: 0 })) },
    durations: [], destinations: [], numberRanges: [], months: [], findings: [],
    method: { rules: [], businessHours: { startHour: 9, endHour: 18, weekdays: [1, 2, 3, 4, 5] }, lines: null, allowedCountries: [] },
    uploads: [], events: [], calls: [],
    ...overrides,
  };
}

function textOf(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "render-pdf-")), "pack.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
}

const options = { locale: "ja", mask: false, addressee: "", accountNumber: "", carrier: "" } as const;

test("an incident without calls still renders every section", async () => {
  const text = textOf(await renderEvidencePdf(packWith({}), options));
  expect(text).toContain("証拠資料");
  expect(text).toContain("元ファイルはありません");
});

test("hostile CDR text is shown with visible markers, never obeyed", async () => {
  const call = { startedAt: new Date("2026-03-13T17:30:00Z"), direction: "outbound", source: "20\u202E1", destination: "+232\u200B76000000", country: "SL", numberType: "mobile", durationSeconds: 31, billableSeconds: 30, disposition: "answered", charge: 165, isChargeEstimated: true, uploadId: "u", rowNumber: 7 };
  const upload = { id: "u", fileName: "Master\u202Ecsv.exe", sizeBytes: 1, sha256: null, format: null, encoding: null, uploadedAt: new Date(), uploader: null, rowsRead: 1, imported: 1, duplicates: 0, mergedLegs: 0, rejected: 0, callsInPack: 1 };
  const text = textOf(await renderEvidencePdf(packWith({ sources: [{ source: "20\u202E1", account: "=cmd|' /C calc'!A0", calls: 1 }], calls: [call], uploads: [upload] }), options));
  expect(text).toContain("20‹U+202E›1");
  expect(text).toContain("+232‹U+200B›76000000");
  expect(text).toContain("Master‹U+202E›csv.exe");
  expect(text).toContain("F1:7");
  expect(text).not.toContain("\u202E");
});
