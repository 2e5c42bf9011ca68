import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadOrgContext } from "@/lib/db/org-context";
import { loadDemoOrganization } from "@/lib/demo/load-demo-organization";
import { buildEvidenceBundle } from "@/lib/evidence-pack/build-bundle";
import type { EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { gatherEvidence } from "@/lib/evidence-pack/gather-evidence";
import { renderEvidencePdf } from "@/lib/evidence-pack/pdf/render-evidence-pdf";
import { openBenchDatabase } from "@/tests/bench/bench-database";

// `npm run bench:report`: the evidence pack of the demo's Sierra Leone flood (about 14,000 calls in
// four days), timed in its two steps (gather from PostgreSQL, render with pdfkit) and as the bundle,
// in both languages; prints seconds and megabytes beside the targets (under 5 s, under 5 MB).
// Figures, not a test: nothing fails when a target is missed. BENCH_DATABASE_URL uses that server.

const TARGET_SECONDS = 5;
const TARGET_MB = 5;

const work = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-bench-report-"));
await fs.chmod(work, 0o755);
const bench = await openBenchDatabase(work, "bench_report");
const db = bench.db;

try {
  process.stderr.write("loading the demo organization (180 days, the Sierra Leone flood among its attacks)…\n");
  const demo = await loadDemoOrganization(db, { profileId: "office-jp-10", replace: false, dataDir: null, maxBytes: 1e10, now: new Date("2026-11-29T03:00:00Z") });
  const ctx = await loadOrgContext(db, { slug: demo.slug }, { kind: "system", name: "cli" });
  const incidents = await db.prisma.incident.findMany({ where: { orgId: ctx.org.id }, orderBy: { calls: "desc" }, take: 1, select: { id: true, calls: true } });
  const incident = incidents[0];
  const rows: string[][] = [];
  for (const locale of ["ja", "en"] as const) {
    const options: EvidencePackOptions = { locale, mask: false, addressee: "", accountNumber: "", carrier: "" };
    const started = performance.now();
    const pack = await gatherEvidence(ctx, incident.id);
    const gathered = performance.now();
    const pdf = await renderEvidencePdf(pack, options);
    const rendered = performance.now();
    const bundle = await buildEvidenceBundle(ctx, incident.id, options);
    const bundled = performance.now();
    const pdfSeconds = (rendered - started) / 1000;
    rows.push(
      [`PDF (${locale}): gather + render`, `${pdfSeconds.toFixed(2)} s (${((gathered - started) / 1000).toFixed(2)} + ${((rendered - gathered) / 1000).toFixed(2)})`, `< ${TARGET_SECONDS} s`, pdfSeconds < TARGET_SECONDS ? "ok" : "MISSED"],
      [`PDF (${locale}): size`, `${(pdf.length / 1e6).toFixed(2)} MB`, `< ${TARGET_MB} MB`, pdf.length / 1e6 < TARGET_MB ? "ok" : "MISSED"],
      [`bundle (${locale}): time, size`, `${((bundled - rendered) / 1000).toFixed(2)} s, ${(bundle.bytes.length / 1e6).toFixed(2)} MB`, "—", ""],
    );
  }
  console.log(`Evidence pack of an incident of ${incident.calls.toLocaleString("en")} calls\n`);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(`${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}   target ${row[2].padEnd(widths[2])}  ${row[3]}`);
} finally {
  await bench.close();
  await fs.rm(work, { recursive: true, force: true });
}

