import { z } from "zod";

// A change to an incident, as the CLI (and later the incident page) sends it: a status, a note,
// when the carrier was asked to block international calls and when the block took effect, and —
// only when marking a false alarm — the destinations the user agrees to allow from now on.

export const INCIDENT_STATUSES = ["open", "acknowledged", "false_alarm", "disputed", "resolved"] as const;

export const IncidentChange = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    note: z.string().trim().min(1).max(4000).optional(),
    blockRequestedAt: z.coerce.date().optional(),
    blockCompletedAt: z.coerce.date().optional(),
    allowCountries: z.array(z.string().regex(/^[A-Z]{2}$/, "Countries are ISO codes such as SL.")).min(1).optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), { message: "Nothing to change." })
  .refine((change) => !change.allowCountries || change.status === "false_alarm", { message: "Destinations are allowed only when marking a false alarm." });
export type IncidentChange = z.infer<typeof IncidentChange>;
