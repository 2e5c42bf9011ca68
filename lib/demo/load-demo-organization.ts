import "server-only";
import type { Database, OrgContext } from "@/lib/db/org-context";
import { addDays } from "@/lib/detection/local-days";
import { runIngest, type IngestSummary } from "@/lib/ingest/run-ingest";
import { createOrganization } from "@/lib/organizations/create-organization";
import { deleteOrganization } from "@/lib/organizations/delete-organization";
import type { ProfileId } from "@/lib/simulation/simulated-call";
import { simulateTraffic } from "@/lib/simulation/simulate-traffic";
import { tokyoDateText } from "@/lib/simulation/tokyo-time";
import { toAsteriskMaster } from "@/lib/simulation/writers/to-asterisk-master";

// A demo organization: 180 simulated days of one customer profile up to yesterday, with the
// benchmark's attacks (the Sierra Leone flood among them), imported through the real pipeline as the
// PBX's Master.csv — so a newcomer sees real incidents in the web app within a minute.

export const DEMO_PROFILES: Record<ProfileId, string> = {
  "office-jp-10": "Demo: ten-seat office in Tokyo (simulated)",
  "call-centre-200": "Demo: 200-seat call centre (simulated)",
  "itsp-50": "Demo: small provider with 50 customer accounts (simulated)",
};
const DEMO_DAYS = 180;

export type DemoLoad = { slug: string; isNew: boolean; summary: IngestSummary | null; lastDay: string };

export async function loadDemoOrganization(
  db: Database,
  options: { profileId: ProfileId; replace: boolean; dataDir: string | null; maxBytes: number; now?: Date; slug?: string; ownerUserId?: string },
): Promise<DemoLoad> {
  const slug = options.slug ?? `demo-${options.profileId}`;
  const lastDay = addDays(tokyoDateText((options.now ?? new Date()).getTime()), -1);
  const existing = await db.prisma.organization.findUnique({ where: { slug }, select: { id: true } });
  if (existing && !options.replace) return { slug, isNew: false, summary: null, lastDay };
  if (existing) await deleteOrganization(db, existing.id);

  const org = await createOrganization(db, { name: DEMO_PROFILES[options.profileId], slug, countryCode: "JP", timeZone: "Asia/Tokyo" }, options.ownerUserId);
  const ctx: OrgContext = { org, actor: { kind: "system", name: "cli" }, db };
  const simulation = simulateTraffic({ profileId: options.profileId, startDate: addDays(lastDay, -(DEMO_DAYS - 1)), days: DEMO_DAYS, seed: 7 });
  const summary = await runIngest(ctx, {
    source: (async function* () {
      for (const chunk of toAsteriskMaster(simulation.calls)) yield Buffer.from(chunk);
    })(),
    fileName: `${slug}-Master.csv`,
    fileTimeZone: "Asia/Tokyo",
    maxBytes: options.maxBytes,
    dataDir: options.dataDir,
  });
  return { slug, isNew: true, summary, lastDay };
}
