import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { buildManifest, sha256Sums } from "@/lib/evidence-pack/build-manifest";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";

const files = [{ name: "a.pdf", bytes: Buffer.from("%PDF-1.7") }, { name: "calls.csv", bytes: Buffer.from("x\r\n") }];
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

test("SHA256SUMS is in sha256sum's own format", () => {
  expect(sha256Sums(files)).toBe(`${sha("%PDF-1.7")}  a.pdf\n${sha("x\r\n")}  calls.csv\n`);
});

test("the manifest hashes every file of the bundle and lists every source upload", () => {
  const pack = {
    reportId: "EP-1", generatedAt: new Date("2026-03-18T01:00:00Z"), org: { name: "Org", timeZone: "Asia/Tokyo" }, incident: { id: "i1" }, calls: [{}, {}],
    uploads: [{ id: "u1", fileName: "Master.csv", sizeBytes: 10, sha256: "ab".repeat(32), format: "asterisk-cdr-csv", encoding: "utf-8", uploadedAt: new Date("2026-03-18T00:00:00Z"), uploader: "Aiko", imported: 9, duplicates: 1, mergedLegs: 0, rejected: 0, callsInPack: 2 }],
  } as unknown as EvidencePack;
  const manifest = buildManifest(pack, { locale: "ja", mask: true, addressee: "", accountNumber: "", carrier: "" }, files);
  expect(manifest.files).toEqual([{ name: "a.pdf", bytes: 8, sha256: sha("%PDF-1.7") }, { name: "calls.csv", bytes: 3, sha256: sha("x\r\n") }]);
  expect(manifest.sourceUploads[0]).toMatchObject({ fileName: "Master.csv", sha256: "ab".repeat(32), uploadedAt: "2026-03-18T00:00:00.000Z", uploader: "Aiko" });
  expect(manifest).toMatchObject({ reportId: "EP-1", language: "ja", masked: true, calls: 2 });
});
