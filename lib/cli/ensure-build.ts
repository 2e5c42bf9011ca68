import "server-only";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";
import { PROJECT_ROOT } from "@/lib/cli/project-root";

// `npm start` builds the web app when there is no build yet or the sources changed since the
// last one (a fresh clone, a `git pull`), so the Quick start stays one command.

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIPPED = new Set(["generated", "node_modules"]);
const STAMP = path.join(PROJECT_ROOT, ".next", "tollwatch-source-fingerprint");

export async function ensureBuild(log: (line: string) => void): Promise<void> {
  const fingerprint = await sourceFingerprint();
  const built = existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"));
  if (built && (await fs.readFile(STAMP, "utf8").catch(() => "")) === fingerprint) return;
  log(built ? "Sources changed since the last build; rebuilding the web app…" : "Building the web app (first start; this takes a minute or two)…");
  const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: PROJECT_ROOT, stdio: "inherit", env: childProcessEnv({ NODE_ENV: "production" }) });
  if (result.status !== 0) throw new Error("The web app did not build (see the output above).");
  await fs.writeFile(STAMP, fingerprint);
}

async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await Promise.all(SOURCES.map(listFiles))).flat().sort()) {
    hash.update(file).update("\0").update(await fs.readFile(path.join(PROJECT_ROOT, file)));
  }
  return hash.digest("hex");
}

async function listFiles(relative: string): Promise<string[]> {
  const absolute = path.join(PROJECT_ROOT, relative);
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat) return [];
  if (stat.isFile()) return [relative];
  const entries = await fs.readdir(absolute, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((entry) => !SKIPPED.has(entry.name)).map((entry) => listFiles(path.join(relative, entry.name))),
  );
  return nested.flat();
}
