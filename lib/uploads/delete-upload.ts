import "server-only";
import { rm } from "node:fs/promises";
import { inTransaction } from "@/lib/db/in-transaction";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { runDetection } from "@/lib/detection/run-detection";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { refreshRollups } from "@/lib/storage/refresh-rollups";
import { uploadFilePath } from "@/lib/uploads/upload-file-store";

// Deleting an upload removes the calls it brought, its rejected rows and its kept file; the days
// those calls were on are rolled up again, findings of days left without calls go, and detection
// runs again over the days that still have calls (incidents reshape or disappear; those a person
// worked on stay, with their history). A call stored by this upload and repeated in a later one
// was stored once, here: it goes too, and importing that file again brings it back. Owners and
// administrators only; recorded in the audit log.

export type DeletedUpload = { fileName: string; calls: number; days: string[] };

export async function deleteUpload(ctx: OrgContext, uploadId: string, options: { dataDir: string | null }): Promise<DeletedUpload> {
  requirePermission(ctx, "settings");
  const upload = await ctx.db.prisma.upload.findFirst({ where: { id: uploadId, orgId: ctx.org.id }, select: { id: true, fileName: true, status: true, firstCallAt: true, lastCallAt: true, sha256: true } });
  if (!upload) throw new NotFoundError("Upload not found.");
  if (upload.status === "processing" || upload.status === "pending") throw new InvalidInputError("This upload is still being imported: wait until it finishes or fails.", "upload_running");
  const { calls, days } = await inTransaction(ctx.db.pool, async (client) => {
    let calls = 0;
    let days: string[] = [];
    if (upload.firstCallAt && upload.lastCallAt) {
      const deleted = await client.query<{ day: string }>(
        `DELETE FROM call_records WHERE org_id = $1 AND upload_id = $2 AND started_at BETWEEN $3 AND $4
         RETURNING to_char((started_at AT TIME ZONE $5)::date, 'YYYY-MM-DD') AS day`,
        [ctx.org.id, upload.id, upload.firstCallAt, upload.lastCallAt, ctx.org.timeZone],
      );
      calls = deleted.rowCount ?? 0;
      days = [...new Set(deleted.rows.map((row) => row.day))].sort();
    }
    await refreshRollups(client, { orgId: ctx.org.id, timeZone: ctx.org.timeZone, localDays: days });
    await client.query(
      `DELETE FROM findings f WHERE f.org_id = $1 AND f.day = ANY($2::date[]) AND NOT EXISTS (SELECT 1 FROM daily_stats d WHERE d.org_id = f.org_id AND d.day = f.day)`,
      [ctx.org.id, days],
    );
    await client.query(
      `DELETE FROM detection_day_stats s WHERE s.org_id = $1 AND s.day = ANY($2::date[]) AND NOT EXISTS (SELECT 1 FROM daily_stats d WHERE d.org_id = s.org_id AND d.day = s.day)`,
      [ctx.org.id, days],
    );
    await client.query(`DELETE FROM uploads WHERE org_id = $1 AND id = $2`, [ctx.org.id, upload.id]);
    await client.query(
      `INSERT INTO audit_logs (org_id, actor_user_id, action, target_type, target_id, details) VALUES ($1, $2, 'upload.deleted', 'upload', $3, $4)`,
      [ctx.org.id, actorUserId(ctx.actor), upload.id, JSON.stringify({ fileName: upload.fileName, sha256: upload.sha256, calls })],
    );
    return { calls, days };
  });
  if (options.dataDir) await rm(uploadFilePath(options.dataDir, ctx.org.id, upload.id), { force: true });
  if (days.length > 0) await runDetection(ctx, { days });
  return { fileName: upload.fileName, calls, days };
}
