import { z } from "zod";

/** What a client says about a file before sending it (POST /api/orgs/:orgId/uploads). */
export const CreateUploadInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  expectedBytes: z.number().int().nonnegative().optional(),
  /** IANA zone of times written without an offset; default: the organization's. */
  fileTimeZone: z.string().trim().min(1).max(64).optional(),
  /** "YYYY-MM" for statements whose dates carry no year; default: from the file name. */
  statementMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  /** Read as this format instead of detecting it. */
  formatId: z.string().trim().min(1).max(64).optional(),
});
export type CreateUploadInput = z.infer<typeof CreateUploadInput>;
