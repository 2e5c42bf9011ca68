import "server-only";
import { createHash } from "node:crypto";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";

// The bundle's manifest: the SHA-256 of every file in the bundle and of every source upload, and a
// SHA256SUMS file in sha256sum's own format, so `sha256sum -c SHA256SUMS` checks the bundle.

export type BundleFile = { name: string; bytes: Buffer };

export function sha256Hex(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function buildManifest(pack: EvidencePack, options: EvidencePackOptions, files: readonly BundleFile[]) {
  return {
    reportId: pack.reportId,
    generatedAt: pack.generatedAt.toISOString(),
    organization: pack.org.name,
    timeZone: pack.org.timeZone,
    incidentId: pack.incident.id,
    language: options.locale,
    masked: options.mask,
    calls: pack.calls.length,
    files: files.map((file) => ({ name: file.name, bytes: file.bytes.length, sha256: sha256Hex(file.bytes) })),
    sourceUploads: pack.uploads.map((upload) => ({
      id: upload.id, fileName: upload.fileName, bytes: upload.sizeBytes, sha256: upload.sha256, format: upload.format, encoding: upload.encoding,
      uploadedAt: upload.uploadedAt.toISOString(), uploader: upload.uploader, imported: upload.imported, duplicates: upload.duplicates,
      mergedLegs: upload.mergedLegs, rejected: upload.rejected, callsInPack: upload.callsInPack,
    })),
  };
}

/** "<sha256>  <name>" lines, as sha256sum prints and checks them. */
export function sha256Sums(files: readonly BundleFile[]): string {
  return files.map((file) => `${sha256Hex(file.bytes)}  ${file.name}\n`).join("");
}
