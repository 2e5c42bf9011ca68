import "server-only";
import type { Database } from "@/lib/db/org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { getPrisma } from "@/lib/db/prisma";

/** The process-wide database handles the web server uses. */
export function getDatabase(): Database {
  return { prisma: getPrisma(), pool: getPgPool() };
}
