import { z } from "zod";

// What a person enters for an alert channel and for the cost steps (client-safe: the form uses it too).

export const ALERT_CHANNEL_KINDS = ["email", "webhook", "slack"] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

const EMAIL = z.string().trim().email();
const HTTP_URL = z.string().trim().url().max(2000).refine((value) => /^https?:\/\//i.test(value), "An http or https URL.");

export const NewAlertChannelSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(ALERT_CHANNEL_KINDS),
    target: z.string().trim().min(1).max(2000),
    language: z.enum(["ja", "en"]),
  })
  .superRefine((channel, issues) => {
    const valid = channel.kind === "email"
      ? emailAddresses(channel.target).length > 0 && emailAddresses(channel.target).every((address) => EMAIL.safeParse(address).success)
      : HTTP_URL.safeParse(channel.target).success;
    if (!valid) issues.addIssue({ code: "custom", path: ["target"], message: channel.kind === "email" ? "Email addresses separated by commas." : "An http or https URL." });
  });

export type NewAlertChannel = z.infer<typeof NewAlertChannelSchema>;

/** "a@x.jp, b@y.jp" → ["a@x.jp", "b@y.jp"] */
export function emailAddresses(target: string): string[] {
  return target.split(/[,;\s]+/).map((address) => address.trim()).filter(Boolean);
}

/**
 * "10,000 50,000; 100000" or "10000,50000" → [10000, 50000, 100000]: positive whole amounts, ascending,
 * unique; empty text → []. Spaces, semicolons and 、 separate; commas separate too unless they group thousands.
 */
export const CostStepsSchema = z
  .string()
  .transform((text) => text.split(/[\s;、]+/).filter(Boolean).flatMap((part) => (/^\d{1,3}(,\d{3})+$/.test(part) ? [part.replaceAll(",", "")] : part.split(",").filter(Boolean))))
  .pipe(z.array(z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().positive().max(2_000_000_000))).max(20))
  .transform((steps) => [...new Set(steps)].sort((a, b) => a - b));
