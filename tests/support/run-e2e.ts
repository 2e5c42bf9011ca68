import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium } from "./chromium";

// `npm run test:e2e`: Playwright on Debian's Chromium. Without a Chromium the e2e tests cannot
// run: that is said loudly and skipped on a workstation, and is a failure in CI.

const chromium = findChromium();
if (!chromium) {
  const banner = "!".repeat(78);
  console.error(`\n${banner}\n  E2E TESTS NOT RUN: no Chromium found (looked for /usr/bin/chromium; set CHROMIUM_PATH).\n  Install it with: apt-get install -y chromium fonts-noto-cjk\n${banner}\n`);
  process.exit(process.env.CI ? 1 : 0);
}
// The app under test keeps its embedded PostgreSQL in a throw-away folder, removed afterwards.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tollwatch-e2e-"));
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TZ: "UTC", NEXT_TELEMETRY_DISABLED: "1", E2E_DATA_DIR: dataDir },
});
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
