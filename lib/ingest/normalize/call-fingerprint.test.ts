import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";

// Stored calls are de-duplicated by this value: it must never change for the same call.

test("the fingerprint is 16 bytes of SHA-256 over the fields joined by U+001F, in hex", () => {
  const fields = { startedAt: new Date("2026-03-14T02:10:05.250Z"), sourceRaw: " 201 ", destinationKey: "+23276123456", durationSeconds: 33, callId: "1773454205.101" };
  const identity = ["1773454205250", "201", "+23276123456", "33", "1773454205.101"].join("\u001f");
  const expected = createHash("sha256").update(identity).digest().subarray(0, 16).toString("hex");
  expect(callFingerprint(fields)).toBe(expected);
  expect(callFingerprint(fields)).toBe("9b6fa0a6cc338f07f9db688b4473adef");
  expect(callFingerprint({ ...fields, callId: null })).toBe(createHash("sha256").update(`${identity.slice(0, identity.lastIndexOf("\u001f"))}\u001f`).digest().subarray(0, 16).toString("hex"));
});
