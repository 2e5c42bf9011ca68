import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { TEMPLATE_DATABASE, databaseUrl } from "./test-database";

// One PostgreSQL server for the run: embedded (a throw-away cluster) unless TEST_DATABASE_URL
// names another server. The schema is migrated once into a template database; every test file
// then gets its own fresh copy of it (tests/support/test-database.ts).

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-test-pg-"));
    await fs.chmod(root, 0o755);
    const server = await startEmbeddedPostgres({ clusterDir: path.join(root, "cluster"), preferredPort: 0 });
    serverUrl = server.urlFor("postgres");
    stop = async () => {
      await server.stop();
      await fs.rm(root, { recursive: true, force: true });
    };
  }
  await recreateTemplate(serverUrl);
  project.provide("testServerUrl", serverUrl);
  return stop;
}

async function recreateTemplate(serverUrl: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(databaseUrl(serverUrl, TEMPLATE_DATABASE));
}
