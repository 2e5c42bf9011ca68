import "server-only";
import yazl from "yazl";
import type { OrgContext } from "@/lib/db/org-context";
import { buildManifest, sha256Sums, type BundleFile } from "@/lib/evidence-pack/build-manifest";
import type { EvidenceFile } from "@/lib/evidence-pack/create-evidence-pdf";
import { evidenceCallsCsv } from "@/lib/evidence-pack/evidence-calls-csv";
import type { EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { renderEvidencePdf } from "@/lib/evidence-pack/pdf/render-evidence-pdf";
import { prepareEvidence } from "@/lib/evidence-pack/prepare-evidence";
import { reportText } from "@/lib/evidence-pack/report-text";

// The evidence bundle: the PDF, the incident's calls as CSV, manifest.json (hashes of the files and
// of every source upload) and SHA256SUMS, in one zip.

export async function buildEvidenceBundle(ctx: OrgContext, incidentId: string, options: EvidencePackOptions): Promise<EvidenceFile> {
  const pack = await prepareEvidence(ctx, incidentId, options, "bundle");
  const text = reportText(options.locale, pack.org.timeZone, pack.org.currency);
  const files: BundleFile[] = [
    { name: `evidence-pack-${pack.reportId}.pdf`, bytes: await renderEvidencePdf(pack, options) },
    { name: `calls-${pack.reportId}.csv`, bytes: Buffer.from(evidenceCallsCsv(pack, text.stamp, text.offset(pack.incident.firstCallAt)), "utf8") },
  ];
  files.push({ name: "manifest.json", bytes: Buffer.from(`${JSON.stringify(buildManifest(pack, options, files), null, 2)}\n`, "utf8") });
  files.push({ name: "SHA256SUMS", bytes: Buffer.from(sha256Sums(files), "utf8") });
  return { fileName: `evidence-bundle-${pack.reportId}.zip`, bytes: await zip(files, pack.generatedAt), reportId: pack.reportId };
}

function zip(files: readonly BundleFile[], modified: Date): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const file of files) archive.addBuffer(file.bytes, file.name, { mtime: modified, compress: !file.name.endsWith(".pdf") });
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on("error", reject);
  });
}
