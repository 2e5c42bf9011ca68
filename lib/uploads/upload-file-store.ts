import "server-only";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";

// Original upload files are kept, gzip-compressed, under <data>/uploads/<org id>/<upload id>.gz, so
// evidence can always be re-derived from the bytes the user gave. Paths are built from ids the
// database issued (UUIDs, checked here), never from file names a user chose.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uploadFilePath(dataDir: string, orgId: string, uploadId: string): string {
  if (!UUID.test(orgId) || !UUID.test(uploadId)) throw new Error("Upload file paths are made from ids only.");
  return path.join(dataDir, "uploads", orgId, `${uploadId}.gz`);
}

export type UploadFileWriter = { write(chunk: Buffer): Promise<void>; finish(): Promise<void>; discard(): Promise<void> };

export async function openUploadFileWriter(filePath: string): Promise<UploadFileWriter> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  const gzip = createGzip({ level: 1 });
  const file = createWriteStream(filePath);
  gzip.pipe(file);
  const closed = once(file, "close");
  closed.catch(() => {});
  return {
    async write(chunk) {
      if (!gzip.write(chunk)) await once(gzip, "drain");
    },
    async finish() {
      gzip.end();
      await closed;
    },
    async discard() {
      gzip.destroy();
      file.destroy();
      await fs.rm(filePath, { force: true });
    },
  };
}

export async function removeUploadFile(filePath: string): Promise<void> {
  await fs.rm(filePath, { force: true });
}
