import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/support/chromium";

// End-to-end tests drive Debian's Chromium against the built app, started exactly as `npm start`
// starts it (embedded PostgreSQL in a throw-away data folder).
// Workers re-read this file, so the run's data folder and port travel through the environment.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "tollwatch-e2e-"));
process.env.E2E_PORT ??= String(3900 + Math.floor(Math.random() * 90));
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
/** The owner's signed-in browser state, written by first-run.setup.ts and used by every other test. */
export const OWNER_STATE = path.join("test-results", "e2e", ".auth", "owner.json");

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  projects: [
    { name: "first-run", testMatch: /\.setup\.ts$/ },
    { name: "app", dependencies: ["first-run"], testMatch: /\.spec\.ts$/, use: { storageState: OWNER_STATE } },
  ],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: "node bin/tollwatch.mjs start",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      PORT: process.env.E2E_PORT,
      TOLLWATCH_DATA_DIR: process.env.E2E_DATA_DIR,
      TOLLWATCH_PG_PORT: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
