import "server-only";

// Requests per API key per minute (a sliding window in this process): a PBX pushing every minute,
// or a backlog in batches, stays far below it; a runaway script is told to wait.

export const PUSHES_PER_MINUTE = 120;
const WINDOW_MS = 60_000;
const recent = new Map<string, number[]>();

/** Milliseconds to wait before the next request is allowed, or 0 (and the request is counted). */
export function takePushSlot(keyId: string, now = Date.now(), limit = PUSHES_PER_MINUTE): number {
  const times = (recent.get(keyId) ?? []).filter((time) => time > now - WINDOW_MS);
  if (times.length >= limit) {
    recent.set(keyId, times);
    return times[0] + WINDOW_MS - now;
  }
  times.push(now);
  recent.set(keyId, times);
  return 0;
}
