import { randomBytes } from "node:crypto";

// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits — the ids Prisma's uuid(7) makes,
// for rows written with plain SQL. Time-ordered, so new rows land at the end of their indexes.

export function uuid7(nowMs = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
