#!/usr/bin/env node
// Entry point of `npm start` and `npx tollwatch`: runs the TypeScript CLI in lib/cli.
import { fileURLToPath } from "node:url";
import "./register-typescript.mjs";

// `npx tollwatch formats | head`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.env.TOLLWATCH_PROJECT_ROOT ??= fileURLToPath(new URL("..", import.meta.url));
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
