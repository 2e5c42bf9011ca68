import "server-only";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { Env } from "@/lib/env";

// The database a CLI command talks to: DATABASE_URL when set, otherwise the embedded PostgreSQL
// in the data folder (started, or the one the running app already started).

export type DatabaseServer = { url: string; description: string; stop(): Promise<void> };

export async function openDatabaseServer(
  env: Env,
  whenRunning: "borrow" | "adopt",
  log: (line: string) => void,
): Promise<DatabaseServer> {
  if (env.DATABASE_URL) {
    const { host, pathname } = new URL(env.DATABASE_URL);
    return { url: env.DATABASE_URL, description: `${host}${pathname} (DATABASE_URL)`, stop: async () => {} };
  }
  const clusterDir = path.join(env.dataDir, "postgres");
  const server = await startEmbeddedPostgres({ clusterDir, preferredPort: env.TOLLWATCH_PG_PORT, log, whenRunning });
  return { url: server.databaseUrl, description: `embedded PostgreSQL in ${clusterDir}`, stop: () => server.stop() };
}
