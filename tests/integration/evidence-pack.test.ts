import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { loadOrgContext } from "@/lib/db/org-context";
import { loadDemoOrganization } from "@/lib/demo/load-demo-organization";
import { buildEvidenceBundle } from "@/lib/evidence-pack/build-bundle";
import { createEvidencePdf } from "@/lib/evidence-pack/create-evidence-pdf";
import type { EvidenceLocale, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { getIncidentPage, type IncidentPage } from "@/lib/queries/incident-page";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The evidence pack of the demo's Sierra Leone flood (about 14,000 calls in four days, as in the
// seed article): its PDF says, in Japanese and in English, exactly what the incident page says;
// it lists every call; the bundle's hashes verify with sha256sum; masking hides the numbers called.

let db: TestDatabase;
let ctx: OrgContext;
let incident: IncidentPage;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-pack-"));

beforeAll(async () => {
  db = await createTestDatabase();
  const demo = await loadDemoOrganization(db, { profileId: "office-jp-10", replace: false, dataDir: null, maxBytes: 1e10, now: new Date("2026-11-29T03:00:00Z") });
  ctx = await loadOrgContext(db, { slug: demo.slug }, { kind: "system", name: "cli" });
  const flood = await db.prisma.incident.findMany({ where: { orgId: ctx.org.id }, select: { id: true, destinations: true } });
  const id = flood.find((candidate) => ((candidate.destinations as Record<string, number>).SL ?? 0) > 10_000)!.id;
  incident = (await getIncidentPage(ctx, id))!;
}, 180_000);
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  await db.drop();
});

const options = (locale: EvidenceLocale, extra: Partial<EvidencePackOptions> = {}): EvidencePackOptions => ({ locale, mask: false, addressee: "", accountNumber: "", carrier: "", ...extra });
const pdfText = (bytes: Buffer, name: string, pages: string[] = []) => {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", [...pages, file, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
};

/** The incident page's own formatting (next-intl formats with Intl and the bare locale). */
function dashboardNumbers(locale: EvidenceLocale) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.org.timeZone });
  return {
    calls: new Intl.NumberFormat(locale).format(incident.calls),
    cost: new Intl.NumberFormat(locale, { style: "currency", currency: incident.currency, maximumFractionDigits: 0 }).format(incident.estimatedCost),
    first: when.format(incident.firstCallAt),
    last: when.format(incident.lastCallAt),
  };
}

for (const locale of ["ja", "en"] as const) {
  test(`the ${locale} PDF carries the dashboard's headline numbers and every call`, { timeout: 60_000 }, async () => {
    const pdf = await createEvidencePdf(ctx, incident.id, options(locale));
    const cover = pdfText(pdf.bytes, `${locale}.pdf`, ["-l", "2"]);
    const expected = dashboardNumbers(locale);
    expect(incident.calls).toBeGreaterThan(10_000);
    for (const value of Object.values(expected)) expect(cover).toContain(value);
    const minutes = await db.pool.query<{ seconds: string }>(
      `SELECT sum(billable_seconds) AS seconds FROM call_records WHERE org_id = $1 AND is_fraud_relevant AND direction = 'outbound' AND destination_country = 'SL' AND started_at BETWEEN $2 AND $3`,
      [ctx.org.id, incident.firstCallAt, incident.lastCallAt],
    );
    expect(cover).toContain(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(Number(minutes.rows[0].seconds) / 6) / 10));
    expect(cover).toContain(locale === "ja" ? "シエラレオネ" : "Sierra Leone");
    const whole = pdfText(pdf.bytes, `${locale}.pdf`);
    expect(whole).toContain(locale === "ja" ? `付録：インシデントの全通話（${expected.calls}件）` : `Appendix: every call of the incident (${expected.calls})`);
    expect(whole.match(/\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\b/g)?.length).toBe(incident.calls);
    expect(whole).toContain("0120-210-364");
  });
}

test("the bundle's manifest and SHA256SUMS verify with sha256sum; the CSV lists every call", { timeout: 60_000 }, async () => {
  const bundle = await buildEvidenceBundle(ctx, incident.id, options("ja"));
  const unpacked = path.join(folder, "bundle");
  fs.mkdirSync(unpacked);
  fs.writeFileSync(path.join(folder, "bundle.zip"), bundle.bytes);
  execFileSync("unzip", ["-q", path.join(folder, "bundle.zip"), "-d", unpacked]);
  expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: unpacked, encoding: "utf8" })).toMatch(/^(\S+: OK\n){3}$/);
  const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "manifest.json"), "utf8")) as { files: { name: string; sha256: string }[]; sourceUploads: { sha256: string }[] };
  for (const file of manifest.files) expect(execFileSync("sha256sum", [file.name], { cwd: unpacked, encoding: "utf8" }).split(" ")[0]).toBe(file.sha256);
  const uploads = await db.prisma.upload.findMany({ where: { orgId: ctx.org.id }, select: { sha256: true } });
  expect(manifest.sourceUploads.map((upload) => upload.sha256)).toEqual(uploads.map((upload) => upload.sha256));
  const csv = fs.readFileSync(path.join(unpacked, manifest.files.find((file) => file.name.endsWith(".csv"))!.name), "utf8").trimEnd().split("\r\n");
  expect(csv[0]).toMatch(/^"started_at \(Asia\/Tokyo, UTC\+09:00\)",started_at_utc,/);
  expect(csv).toHaveLength(incident.calls + 1);
  const audited = await db.prisma.auditLog.findMany({ where: { orgId: ctx.org.id, action: "report.generated" } });
  expect(audited.map((entry) => entry.details)).toContainEqual(expect.objectContaining({ incidentId: incident.id, language: "ja", masked: false, format: "bundle" }));
});

test("masking hides the last four digits of the numbers called, not the organization's extensions", { timeout: 60_000 }, async () => {
  const text = pdfText((await createEvidencePdf(ctx, incident.id, options("en", { mask: true }))).bytes, "masked.pdf");
  expect(text).toContain("Third-party numbers are shown with their last four digits hidden.");
  expect(text).toMatch(/\+232\d+••••/);
  expect(text).not.toMatch(/\+232\d{8}/);
});
