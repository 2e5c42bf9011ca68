import "server-only";
import path from "node:path";
import { z } from "zod";

// The one reader of process.env (STYLE.md rule 6). Parsed once; a bad value fails at start.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** An external PostgreSQL server. Unset: the embedded PostgreSQL under TOLLWATCH_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface the web server listens on: loopback unless set (0.0.0.0 behind a reverse proxy, README). */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** The address people type (https://tollwatch.example.com): links in emails and the CLI, the one trusted origin, Secure cookies when https. */
  TOLLWATCH_PUBLIC_URL: z.string().url().optional(),
  /** Secret that signs session cookies (32+ characters). Unset: generated once into the data folder. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** SMTP server for password-reset and invitation emails, e.g. smtp://user:pass@mail.example.com:587 (smtps:// for TLS on connect). */
  TOLLWATCH_SMTP_URL: z.string().url().optional(),
  /** Sender of those emails. */
  TOLLWATCH_MAIL_FROM: z.string().min(3).default("Tollwatch <tollwatch@localhost>"),
  /** The API key `tollwatch push` sends when --key is not given (keeps it out of the process list). */
  TOLLWATCH_API_KEY: z.string().min(1).optional(),
  /** Reverse proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For is believed for sign-in rate limits. */
  TOLLWATCH_TRUSTED_PROXIES: z.string().optional(),
  /** Where the embedded PostgreSQL and kept upload files live; relative to the project folder. */
  TOLLWATCH_DATA_DIR: z.string().min(1).default("data"),
  /** Set by bin/tollwatch.mjs so `npx tollwatch` finds the project's data/ from any folder. */
  TOLLWATCH_PROJECT_ROOT: z.string().min(1).optional(),
  /** Preferred port of the embedded PostgreSQL; a free one is chosen when it is taken (or when 0). */
  TOLLWATCH_PG_PORT: z.coerce.number().int().min(0).max(65535).default(55432),
  /** Largest accepted upload in bytes (default 4 GiB). */
  TOLLWATCH_UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(4 * 1024 ** 3),
  /** "off": the web server does not run background jobs (alert delivery, detection of completed days, clean-up); run `tollwatch worker` instead. */
  TOLLWATCH_BACKGROUND_JOBS: z.enum(["on", "off"]).default("on"),
  /** Largest request body of the ingest API (POST /api/v1/cdrs), default 100 MiB: pushes are batches. */
  TOLLWATCH_PUSH_MAX_BYTES: z.coerce.number().int().positive().default(100 * 1024 ** 2),
});

export type Env = z.infer<typeof EnvSchema> & { dataDir: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
    }
    const projectRoot = parsed.data.TOLLWATCH_PROJECT_ROOT ?? process.cwd();
    cached = { ...parsed.data, dataDir: path.resolve(projectRoot, parsed.data.TOLLWATCH_DATA_DIR) };
  }
  return cached;
}

/** The address people open Tollwatch at, for links in emails, alerts and the CLI's output. */
export function publicBaseUrl(env: Env): string {
  return env.TOLLWATCH_PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${env.PORT}`;
}

/** Returns the DATABASE_URL; the launcher sets it for the web server when Postgres is embedded. */
export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start Tollwatch with `npm start`, which sets it.");
  return url;
}

/** The environment for a child process (the web server) with the given overrides. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...overrides };
}
