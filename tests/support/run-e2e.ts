import { spawnSync } from "node:child_process";
import { findChromium } from "./chromium";

// `npm run test:e2e`: Playwright on Debian's Chromium. Without a Chromium the e2e tests cannot
// run: that is said loudly and skipped on a workstation, and is a failure in CI.

const chromium = findChromium();
if (!chromium) {
  const banner = "!".repeat(78);
  console.error(`\n${banner}\n  E2E TESTS NOT RUN: no Chromium found (looked for /usr/bin/chromium; set CHROMIUM_PATH).\n  Install it with: apt-get install -y chromium fonts-noto-cjk\n${banner}\n`);
  process.exit(process.env.CI ? 1 : 0);
}
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TZ: "UTC", NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
