import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "@/lib/cli/ensure-build";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { PROJECT_ROOT } from "@/lib/cli/project-root";
import { migrateDatabase } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/with-database";
import { failStaleUploads } from "@/lib/uploads/fail-stale-uploads";
import { childProcessEnv, getEnv } from "@/lib/env";

// `npm start` (and `npm run dev`): database up (embedded unless DATABASE_URL), migrations applied,
// then the Next.js server. Ctrl-C stops the web server first, then PostgreSQL, cleanly.

export async function startServer(options: { dev: boolean }, log: (line: string) => void): Promise<number> {
  const env = getEnv();
  if (!options.dev) await ensureBuild(log);
  const database = await openDatabaseServer(env, "adopt", log);
  try {
    const migrated = await migrateDatabase(database.url, { log });
    log(`Database: ${database.description}; ${migrated.alreadyApplied + migrated.applied.length} migrations applied.`);
    const interrupted = await withDatabase(database.url, (db) => failStaleUploads(db));
    if (interrupted > 0) log(`${interrupted} upload(s) interrupted by an earlier stop were marked failed.`);
  } catch (error) {
    await database.stop();
    throw error;
  }

  const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const web = spawn(process.execPath, [nextBin, options.dev ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.HOST], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: childProcessEnv({ DATABASE_URL: database.url, TOLLWATCH_DATA_DIR: env.dataDir, PORT: String(env.PORT) }),
  });
  log(`Tollwatch: http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT} (Ctrl-C stops it)`);

  return new Promise((resolve) => {
    let stopping: Promise<void> | undefined;
    const stop = (exitCode: number) => {
      stopping ??= (async () => {
        if (web.exitCode === null && web.signalCode === null) {
          const exited = new Promise((done) => web.once("exit", done));
          web.kill("SIGTERM");
          await exited;
        }
        await database.stop();
        log("Stopped.");
        resolve(exitCode);
      })();
    };
    process.on("SIGINT", () => stop(0));
    process.on("SIGTERM", () => stop(0));
    web.on("exit", (code) => stop(code ?? 0));
  });
}
