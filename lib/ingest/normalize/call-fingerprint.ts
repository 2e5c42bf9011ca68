import { hash } from "node:crypto";

// Two rows with the same fingerprint are the same call: re-uploading a file adds nothing.
// 16 bytes of SHA-256 keep the unique index small while collisions stay out of reach.

export type FingerprintFields = {
  startedAt: Date;
  sourceRaw: string;
  destinationKey: string;
  durationSeconds: number;
  callId: string | null;
};

export function callFingerprint(fields: FingerprintFields): Buffer {
  const identity = [
    fields.startedAt.getTime(),
    fields.sourceRaw.trim(),
    fields.destinationKey,
    fields.durationSeconds,
    fields.callId ?? "",
  ].join("\u001f");
  return hash("sha256", identity, "buffer").subarray(0, 16);
}
