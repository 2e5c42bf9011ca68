import { z } from "zod";

/** Query string of POST /api/orgs/:orgId/uploads (the body is the file). */
export const UploadQuery = z.object({
  fileName: z.string().trim().min(1).max(255),
  fileTimeZone: z.string().trim().min(1).max(64).optional(),
});
export type UploadQuery = z.infer<typeof UploadQuery>;
