import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { authSecret } from "@/lib/auth/auth-secret";
import { emailResetLinks } from "@/lib/auth/reset-link-email";
import { clearFailedSignIns, lockedUntil, recordFailedSignIn } from "@/lib/auth/sign-in-throttle";
import { getDatabase } from "@/lib/db/database";
import type { Database } from "@/lib/db/org-context";
import { uuid7 } from "@/lib/db/uuid7";
import { getEnv, type Env } from "@/lib/env";

// Sign-in is better-auth (email and password, sessions in PostgreSQL through its Prisma adapter):
// no home-made sessions or password hashing. Nobody signs up: the first user comes from first-run
// setup, later ones from invitations (lib/auth/create-user.ts). Sessions last two weeks unless
// used; a fifth wrong password locks the address (sign-in-throttle.ts). Every sign-in is audited.

export const SESSION_DAYS = 14;
export const MIN_PASSWORD_LENGTH = 10;

/** Delivers a password-reset token (`tollwatch user reset-password` prints a link; the web server emails one). */
export type ResetLinkSender = (message: { email: string; token: string; resetPage: string }) => Promise<void>;

function createAuth(env: Env, db: Database, sendResetLink?: ResetLinkSender) {
  const publicUrl = env.TOLLWATCH_PUBLIC_URL?.replace(/\/$/, "");
  const trustedProxies = env.TOLLWATCH_TRUSTED_PROXIES?.split(",").map((entry) => entry.trim()).filter(Boolean) ?? [];
  return betterAuth({
    appName: "Tollwatch",
    baseURL: publicUrl,
    secret: authSecret(env),
    database: prismaAdapter(db.prisma, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128, revokeSessionsOnPasswordReset: true, resetPasswordTokenExpiresIn: 3600,
      sendResetPassword: async ({ user, token, url }) => {
        if (!sendResetLink) throw new APIError("NOT_IMPLEMENTED", { message: "Password reset links are made with `npx tollwatch user reset-password`." });
        // better-auth's url carries the page the request named (redirectTo) as callbackURL.
        const resetPage = new URL(url, "http://base.invalid").searchParams.get("callbackURL") ?? `${publicUrl ?? ""}/reset-password`;
        await sendResetLink({ email: user.email, token, resetPage });
      } },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    // Without a public URL, requests are trusted from the origin they were sent to (the Host the
    // browser used): a page on any other origin cannot post here.
    trustedOrigins: async (request) => [publicUrl, !publicUrl && request?.headers.get("host") ? `http://${request.headers.get("host")}` : undefined],
    rateLimit: { enabled: true, window: 60, max: 100, customRules: { "/sign-in/email": { window: 60, max: 10 } } },
    advanced: {
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      cookiePrefix: "tollwatch",
      database: { generateId: () => uuid7() },
      ...(trustedProxies.length > 0 ? { ipAddress: { ipAddressHeaders: ["x-forwarded-for"], trustedProxies } } : {}),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "");
        const until = await lockedUntil(db, email);
        if (until) throw new APIError("TOO_MANY_REQUESTS", { code: "SIGN_IN_LOCKED", message: `Too many wrong passwords. Sign-in is locked until ${until.toISOString()}.` });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "");
        const session = ctx.context.newSession;
        if (session) {
          await clearFailedSignIns(db, email);
          await db.prisma.auditLog.create({ data: { actorUserId: session.user.id, action: "user.signed_in", targetType: "user", targetId: session.user.id, ipAddress: session.session.ipAddress ?? null } });
          return;
        }
        const returned = ctx.context.returned;
        if (isAPIError(returned) && returned.statusCode === 401) await recordFailedSignIn(db, email);
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let cached: Auth | undefined;

/** The web server's better-auth instance (tests build their own with `authFor`). */
export function getAuth(): Auth {
  cached ??= createAuth(getEnv(), getDatabase(), emailResetLinks(getEnv()));
  return cached;
}

export function authFor(env: Env, db: Database, sendResetLink?: ResetLinkSender): Auth {
  return createAuth(env, db, sendResetLink);
}
