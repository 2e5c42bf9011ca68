import { fileURLToPath } from "node:url";

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/cdr/${relative}`, import.meta.url));
}
