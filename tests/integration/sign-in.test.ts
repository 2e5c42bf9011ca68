import { afterAll, beforeAll, expect, test } from "vitest";
import { authFor, type Auth } from "@/lib/auth/auth";
import { setPassword } from "@/lib/auth/create-user";
import { completeFirstRunSetup } from "@/lib/auth/first-run-setup";
import { MAX_FAILURES } from "@/lib/auth/sign-in-throttle";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Sign-in through better-auth on a real database: first-run setup creates the owner once and hands
// them the organizations that existed; passwords are stored hashed; the fifth wrong password locks
// the address (even for the right password); a reset password signs the user out everywhere.

let db: TestDatabase;
let auth: Auth;
const OWNER = { name: "Aiko", email: "Aiko@Example.test", password: "a long enough passphrase" };

async function signIn(email: string, password: string): Promise<{ ok: true; token: string } | { ok: false; status: number; message: string }> {
  try {
    const result = await auth.api.signInEmail({ body: { email, password } });
    return { ok: true, token: result.token };
  } catch (error) {
    const failure = error as { statusCode: number; message: string };
    return { ok: false, status: failure.statusCode, message: failure.message };
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  auth = authFor({ ...getEnv(), BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-42" }, db);
});
afterAll(() => db.drop());

test("first-run setup creates the owner once, with a hashed password, and gives them the existing organizations", async () => {
  const before = await createOrg(db);
  await expect(completeFirstRunSetup(db, auth, { ...OWNER, password: "short" })).rejects.toBeInstanceOf(InvalidInputError);
  const { userId } = await completeFirstRunSetup(db, auth, OWNER);
  const member = await db.prisma.member.findFirstOrThrow({ where: { orgId: before.org.id } });
  expect(member).toMatchObject({ userId, role: "owner" });
  const account = await db.prisma.account.findFirstOrThrow({ where: { userId } });
  expect(account.providerId).toBe("credential");
  expect(account.password).not.toContain(OWNER.password);
  expect(account.password!.length).toBeGreaterThan(40);
  const again = await completeFirstRunSetup(db, auth, { ...OWNER, email: "second@example.test" }).catch((error: unknown) => error);
  expect((again as InvalidInputError).code).toBe("setup_done");
  expect(await db.prisma.user.count()).toBe(1);
});

test("the right password signs in (email case does not matter) and is audited", async () => {
  const result = await signIn("aiko@example.TEST", OWNER.password);
  expect(result.ok).toBe(true);
  expect(await db.prisma.auditLog.count({ where: { action: "user.signed_in" } })).toBe(1);
});

test(`${MAX_FAILURES} wrong passwords lock the address, even for the right password`, async () => {
  for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
    const result = await signIn(OWNER.email, `wrong ${attempt}`);
    expect(result, `attempt ${attempt}`).toMatchObject({ ok: false, status: 401 });
  }
  const locked = await signIn(OWNER.email, OWNER.password);
  expect(locked).toMatchObject({ ok: false, status: 429 });
  // An unknown address locks the same way, so the lock tells nothing about who has an account.
  for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) await signIn("nobody@example.test", `wrong ${attempt}`);
  expect(await signIn("nobody@example.test", "anything at all")).toMatchObject({ ok: false, status: 429 });
  await db.prisma.signInThrottle.deleteMany();
});

test("a password reset replaces the password and ends every session", async () => {
  const first = await signIn(OWNER.email, OWNER.password);
  expect(first.ok).toBe(true);
  const user = await db.prisma.user.findFirstOrThrow();
  expect(await db.prisma.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
  await setPassword(auth, OWNER.email, "another long passphrase");
  expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  expect(await signIn(OWNER.email, OWNER.password)).toMatchObject({ ok: false, status: 401 });
  expect((await signIn(OWNER.email, "another long passphrase")).ok).toBe(true);
});

test("with SMTP configured, a forgotten password is reset through the emailed link", async () => {
  const { SMTPServer } = await import("smtp-server");
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  try {
    const { emailResetLinks } = await import("@/lib/auth/reset-link-email");
    const env = { ...getEnv(), BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-42", TOLLWATCH_SMTP_URL: `smtp://127.0.0.1:${port}` };
    const mailing = authFor(env, db, emailResetLinks(env));
    await mailing.api.requestPasswordReset({ body: { email: OWNER.email, redirectTo: "http://tollwatch.test/reset-password" } });
    await mailing.api.requestPasswordReset({ body: { email: "nobody@example.test", redirectTo: "http://tollwatch.test/reset-password" } });
    expect(received).toHaveLength(1);
    // Quoted-printable: soft line breaks and =XX escapes.
    const body = received[0].replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(body).toMatch(/To: aiko@example\.test/i);
    const token = /http:\/\/tollwatch\.test\/reset-password\?token=([\w-]+)/.exec(body)?.[1];
    expect(token).toBeTruthy();
    await mailing.api.resetPassword({ body: { token: token!, newPassword: "emailed reset passphrase" } });
    expect((await signIn(OWNER.email, "emailed reset passphrase")).ok).toBe(true);
    await expect(mailing.api.resetPassword({ body: { token: token!, newPassword: "a second use of it" } })).rejects.toThrow();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
