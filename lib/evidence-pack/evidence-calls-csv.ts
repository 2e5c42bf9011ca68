import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { csvLines } from "@/lib/reports/csv-export";

// The incident's calls as CSV for the bundle: the local time column names its zone and offset,
// UTC beside it, each call with its source file's name, SHA-256 and row. Formula-safe (csv-export.ts).

export function evidenceCallsCsv(pack: EvidencePack, localStamp: (instant: Date) => string, offset: string): string {
  const files = new Map(pack.uploads.map((upload) => [upload.id, upload]));
  const header = [
    `started_at (${pack.org.timeZone}, UTC${offset})`, "started_at_utc", "direction", "source", "destination", "destination_country", "destination_number_type",
    "disposition", "duration_seconds", "billable_seconds", "charge", "currency", "charge_is_estimated", "source_file", "source_file_sha256", "row_number",
  ];
  const rows = pack.calls.map((call) => [
    localStamp(call.startedAt), call.startedAt.toISOString(), call.direction, call.source, call.destination, call.country, call.numberType,
    call.disposition, call.durationSeconds, call.billableSeconds, Math.round(call.charge * 100) / 100, pack.org.currency, call.isChargeEstimated ? "yes" : "no",
    files.get(call.uploadId)?.fileName ?? call.uploadId, files.get(call.uploadId)?.sha256 ?? null, call.rowNumber,
  ]);
  return csvLines([header, ...rows]);
}
