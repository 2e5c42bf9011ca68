// Read by the Prisma CLI only (generate here; migrate deploy/status for operators who have the
// native schema engine). The app itself migrates with lib/db/migrate.ts and reads lib/env.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused-by-generate" },
});
