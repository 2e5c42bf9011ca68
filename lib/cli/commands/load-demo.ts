import "server-only";
import { parseArgs } from "node:util";
import { firstUserId, giveOwnerlessOrganizations } from "@/lib/auth/first-run-setup";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/with-database";
import { DEMO_PROFILES, loadDemoOrganization } from "@/lib/demo/load-demo-organization";
import { getEnv, publicBaseUrl } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import type { ProfileId } from "@/lib/simulation/simulated-call";

// `tollwatch demo`: loads the demo organization (lib/demo) into the app's database.

export const DEMO_USAGE = "tollwatch demo [--profile office-jp-10|call-centre-200|itsp-50] [--replace]";

export async function demoCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { profile: { type: "string", default: "office-jp-10" }, replace: { type: "boolean", default: false } } });
  const profileId = values.profile as ProfileId;
  if (!(profileId in DEMO_PROFILES)) throw new InvalidInputError(`Unknown profile "${values.profile}". Usage: ${DEMO_USAGE}`);
  const env = getEnv();
  const server = await openDatabaseServer(env, "borrow", log);
  try {
    await migrateDatabase(server.url, { log });
    return await withDatabase(server.url, async (db) => {
      log(`Loading 180 simulated days of "${DEMO_PROFILES[profileId]}"…`);
      const demo = await loadDemoOrganization(db, { profileId, replace: values.replace, dataDir: env.dataDir, maxBytes: env.TOLLWATCH_UPLOAD_MAX_BYTES });
      // Visible to the person who set Tollwatch up; before setup, setup hands it to the first account.
      const owner = await firstUserId(db);
      if (owner) await giveOwnerlessOrganizations(db, owner);
      const url = `${publicBaseUrl(env)}/orgs/${demo.slug}`;
      if (!demo.isNew) {
        log(`The demo organization is already loaded: ${url} (--replace loads it afresh).`);
        return 0;
      }
      const incidents = await db.prisma.incident.findMany({ where: { org: { slug: demo.slug } }, select: { severity: true } });
      const critical = incidents.filter((incident) => incident.severity === "critical").length;
      log(`Done: ${demo.summary!.imported.toLocaleString("en")} calls up to ${demo.lastDay}, ${incidents.length} incidents (${critical} critical).`);
      log(`Open ${url} (start the app with \`npm start\` if it is not running).`);
      return 0;
    });
  } finally {
    await server.stop();
  }
}
