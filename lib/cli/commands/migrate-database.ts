import "server-only";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

export async function migrateCommand(log: (line: string) => void): Promise<number> {
  const database = await openDatabaseServer(getEnv(), "borrow", log);
  try {
    const result = await migrateDatabase(database.url, { log });
    log(result.applied.length === 0 ? "The database is up to date." : `Applied ${result.applied.length} migration(s).`);
    return 0;
  } finally {
    await database.stop();
  }
}
