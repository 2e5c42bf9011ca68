import "server-only";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";
import { findFormat, KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import { isKnownTimeZone } from "@/lib/ingest/normalize/call-time";
import { statementMonthFromFileName } from "@/lib/ingest/statement-month-from-file-name";
import { CreateUploadInput } from "@/lib/uploads/create-upload.schema";
import { displayFileName } from "@/lib/uploads/display-file-name";

/** Records an upload about to arrive, with the options it will be read with. */
export async function createUpload(ctx: OrgContext, input: CreateUploadInput): Promise<{ id: string }> {
  requirePermission(ctx, "upload");
  const parsed = CreateUploadInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(`Invalid upload: ${parsed.error.issues[0]?.message}`);
  const { expectedBytes, fileTimeZone, formatId } = parsed.data;
  const fileName = displayFileName(parsed.data.fileName);
  if (fileTimeZone && !isKnownTimeZone(fileTimeZone)) throw new InvalidInputError(`Unknown time zone: ${fileTimeZone}`, "unknown_time_zone");
  if (formatId && !findFormat(formatId)) {
    throw new InvalidInputError(`Unknown format "${formatId}". Known formats: ${KNOWN_FORMATS.map((f) => f.id).join(", ")}.`, "unknown_format");
  }
  const fromName = statementMonthFromFileName(fileName);
  const statementMonth = parsed.data.statementMonth ?? (fromName ? `${fromName.year}-${String(fromName.month).padStart(2, "0")}` : null);
  const upload = await ctx.db.prisma.upload.create({
    data: {
      orgId: ctx.org.id,
      uploadedById: actorUserId(ctx.actor),
      fileName,
      expectedBytes,
      fileTimeZone: fileTimeZone ?? ctx.org.timeZone,
      statementMonth,
      format: formatId ?? null,
      status: "pending",
    },
    select: { id: true },
  });
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "upload.created", targetType: "upload", targetId: upload.id, details: { fileName } } });
  return upload;
}
