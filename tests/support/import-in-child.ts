import { createReadStream } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { loadOrgContext } from "@/lib/db/org-context";
import { withDatabase } from "@/lib/db/with-database";
import { ingestUpload } from "@/lib/ingest/run-ingest";
import { createUpload } from "@/lib/uploads/create-upload";

// Run by tests that kill an import midway: imports <file> into <org> as a slow sender would send it
// (64 KiB every 20 ms), printing the upload id first so the test can watch it.
const [databaseUrl, orgId, file] = process.argv.slice(2);

async function* slowly(path: string) {
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    yield chunk as Buffer;
    await sleep(20);
  }
}

await withDatabase(databaseUrl, async (db) => {
  const ctx = await loadOrgContext(db, { id: orgId }, { kind: "system", name: "test" });
  const { id } = await createUpload(ctx, { fileName: "interrupted.csv", fileTimeZone: "UTC" });
  process.stdout.write(`${id}\n`);
  await ingestUpload(ctx, id, { source: slowly(file), maxBytes: 1e10, dataDir: null });
});
