import { z } from "zod";

// A saved column mapping: how to read a CSV no built-in layout knows. Shared by the mapping form
// (client) and the server. Column positions are 0-based.

const column = z.number().int().min(0).max(999);

export const DATE_NOTATIONS = ["year-month-day", "day-month-year", "month-day-year", "month-day", "epoch-seconds", "rfc-2822"] as const;

export const ColumnMappingConfig = z
  .object({
    headerRows: z.number().int().min(0).max(5),
    columns: z.object({
      /** One column with date and time, or a date column plus a time column. */
      startDateTime: column.optional(),
      startDate: column.optional(),
      startTime: column.optional(),
      destination: column,
      source: column.optional(),
      /** Seconds, hh:mm:ss, "5m 15s", "1分23秒" … */
      duration: column.optional(),
      billableDuration: column.optional(),
      disposition: column.optional(),
      direction: column.optional(),
      cost: column.optional(),
      currency: column.optional(),
      accountCode: column.optional(),
      callId: column.optional(),
    }),
    dateNotation: z.enum(DATE_NOTATIONS),
    /** When set, times are read in this zone whatever the upload says. */
    timeZone: z.string().min(1).max(64).nullable().default(null),
    /** Currency of amounts without a symbol; null: the organization's. */
    currency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
  })
  .refine((config) => config.columns.startDateTime !== undefined || config.columns.startDate !== undefined, {
    message: "Choose the column with the call's start (date and time, or date).",
    path: ["columns", "startDateTime"],
  })
  .refine((config) => config.columns.duration !== undefined || config.columns.billableDuration !== undefined, {
    message: "Choose the column with the call's duration.",
    path: ["columns", "duration"],
  });
export type ColumnMappingConfig = z.infer<typeof ColumnMappingConfig>;

export const SaveColumnMappingInput = z.object({
  name: z.string().trim().min(1).max(80),
  config: ColumnMappingConfig,
});
export type SaveColumnMappingInput = z.infer<typeof SaveColumnMappingInput>;
