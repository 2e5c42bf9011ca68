import { spawnSync } from "node:child_process";

// `npm test`: unit, integration (real PostgreSQL: embedded, or TEST_DATABASE_URL), then e2e.

const suites = [
  ["unit", ["vitest", "run", "--project", "unit"]],
  ["integration", ["vitest", "run", "--project", "integration"]],
  ["e2e", ["tsx", "tests/support/run-e2e.ts"]],
] as const;

for (const [name, command] of suites) {
  console.log(`\n=== ${name} tests ===`);
  const result = spawnSync("npx", command, { stdio: "inherit", env: { ...process.env, TZ: "UTC" } });
  if (result.status !== 0) {
    console.error(`\n${name} tests failed.`);
    process.exit(result.status ?? 1);
  }
}
console.log("\nAll tests passed.");
