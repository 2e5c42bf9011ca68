import "server-only";
import "@/lib/db/baseline-wasm-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";

// One client per process (kept on globalThis so dev-server reloads do not leak pools).
const globalForPrisma = globalThis as typeof globalThis & { tollwatchPrisma?: PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.tollwatchPrisma ??= createPrismaClient(requireDatabaseUrl());
  return globalForPrisma.tollwatchPrisma;
}

export type Database = PrismaClient;
