#!/usr/bin/env node
// Entry point of `npm start` and `npx tollwatch`: loads the TypeScript CLI in lib/cli with tsx.
import { register } from "node:module";
import { fileURLToPath } from "node:url";
import { register as registerTypeScript } from "tsx/esm/api";

process.env.TOLLWATCH_PROJECT_ROOT ??= fileURLToPath(new URL("..", import.meta.url));
register("./server-only-hook.mjs", import.meta.url);
registerTypeScript();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
