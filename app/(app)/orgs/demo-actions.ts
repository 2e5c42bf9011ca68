"use server";

import { randomBytes } from "node:crypto";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { loadDemoOrganization } from "@/lib/demo/load-demo-organization";
import { getEnv } from "@/lib/env";

/** "Load the demo organization" from an empty overview: a demo of the signer's own (its owner), never shared with other people. */
export async function loadDemoAction(): Promise<void> {
  const user = await requireUser();
  const env = getEnv();
  const demo = await loadDemoOrganization(getDatabase(), {
    profileId: "office-jp-10",
    replace: false,
    dataDir: env.dataDir,
    maxBytes: env.TOLLWATCH_UPLOAD_MAX_BYTES,
    slug: `demo-${randomBytes(3).toString("hex")}`,
    ownerUserId: user.id,
  });
  redirect(`/orgs/${demo.slug}`);
}
