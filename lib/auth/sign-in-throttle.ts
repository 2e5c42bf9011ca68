import "server-only";
import type { Database } from "@/lib/db/org-context";

// Wrong passwords per email address (whether or not it has an account, so the lock says nothing
// about who exists): the fifth within fifteen minutes locks sign-in to that address for fifteen
// minutes. better-auth's own per-IP rate limit sits in front of this.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

const key = (email: string) => email.trim().toLowerCase();

/** When sign-in to this address is locked until, or null. */
export async function lockedUntil(db: Database, email: string, now = new Date()): Promise<Date | null> {
  const row = await db.prisma.signInThrottle.findUnique({ where: { email: key(email) } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a wrong password; returns the lock's end when this one locked the address. */
export async function recordFailedSignIn(db: Database, email: string, now = new Date()): Promise<Date | null> {
  const result = await db.pool.query<{ locked_until: Date | null }>(
    `INSERT INTO sign_in_throttles (email, failures, window_started_at) VALUES ($1, 1, $2)
     ON CONFLICT (email) DO UPDATE SET
       failures = CASE WHEN sign_in_throttles.window_started_at < $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE sign_in_throttles.failures + 1 END,
       window_started_at = CASE WHEN sign_in_throttles.window_started_at < $2::timestamptz - make_interval(secs => $3) THEN $2 ELSE sign_in_throttles.window_started_at END
     RETURNING failures, locked_until`,
    [key(email), now, WINDOW_MS / 1000],
  );
  const failures = (result.rows[0] as unknown as { failures: number }).failures;
  if (failures < MAX_FAILURES) return null;
  const until = new Date(now.getTime() + LOCK_MS);
  await db.pool.query(`UPDATE sign_in_throttles SET locked_until = $2, failures = 0, window_started_at = $3 WHERE email = $1`, [key(email), until, now]);
  return until;
}

export async function clearFailedSignIns(db: Database, email: string): Promise<void> {
  await db.prisma.signInThrottle.deleteMany({ where: { email: key(email) } });
}
