import "server-only";
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { uploadFilePath } from "@/lib/uploads/upload-file-store";
import { readUploadText } from "@/lib/ingest/read-upload-text";
import { isBlankRow, parseCsvRows } from "@/lib/ingest/parse-csv-rows";

// Reading back an upload's kept original: its first rows for the column-mapping page, or all of
// its bytes for an import with a mapping.

export function keptUploadBytes(dataDir: string, orgId: string, uploadId: string): AsyncIterable<Uint8Array> {
  return createReadStream(uploadFilePath(dataDir, orgId, uploadId)).pipe(createGunzip());
}

export async function readKeptUploadPreview(dataDir: string, orgId: string, uploadId: string, rowCount: number): Promise<string[][]> {
  const rows: string[][] = [];
  const bytes = readUploadText(keptUploadBytes(dataDir, orgId, uploadId), Number.MAX_SAFE_INTEGER);
  for await (const batch of parseCsvRows(bytes.text)) {
    rows.push(...batch.filter((fields) => !isBlankRow(fields)));
    if (rows.length >= rowCount) break;
  }
  await bytes.text.close();
  return rows.slice(0, rowCount);
}
