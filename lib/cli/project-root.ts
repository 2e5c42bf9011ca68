import "server-only";
import { fileURLToPath } from "node:url";

/** The folder holding package.json, app/, lib/ … (the CLI runs from source). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
