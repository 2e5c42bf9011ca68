import { afterEach, expect, test, vi } from "vitest";
import { main } from "@/lib/cli/main";

// The CLI answers --help per command and treats a mistyped option as a usage error (exit 2 with
// the command's usage), never as a crash with a stack trace.

const output = { stdout: "", stderr: "" };
vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((output.stdout += String(chunk)), true));
vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((output.stderr += String(chunk)), true));
afterEach(() => Object.assign(output, { stdout: "", stderr: "" }));

test("--help after a command prints that command's usage", async () => {
  expect(await main(["import", "--help"])).toBe(0);
  expect(output.stdout).toMatch(/^Usage:\n {2}tollwatch import /);
  expect(output.stderr).toBe("");
});

test("an unknown option is a usage error with the command's usage, not a stack trace", async () => {
  expect(await main(["detect", "--bogus"])).toBe(2);
  expect(output.stderr).toContain("Unknown option '--bogus'");
  expect(output.stderr).toContain("tollwatch detect --org <slug>");
  expect(output.stderr).not.toMatch(/\n\s+at /);
});

test("an unknown command prints the overall usage", async () => {
  expect(await main(["frobnicate"])).toBe(2);
  expect(output.stderr).toContain("Unknown command: frobnicate");
  expect(output.stderr).toContain("tollwatch formats");
});

test("incident times must name their offset: a bare local time is refused before anything is touched", async () => {
  expect(await main(["incident", "--org", "acme", "--id", "x", "--block-requested-at", "2026-03-14 09:10"])).toBe(1);
  expect(output.stderr).toContain("--block-requested-at needs a time with its offset");
  expect(output.stderr).not.toMatch(/\n\s+at /);
});
