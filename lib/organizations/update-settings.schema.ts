import { z } from "zod";
import { DetectionSettings } from "@/lib/detection/detection-settings.schema";

// The settings page's document: the organization's own fields and its detection settings. Client-safe.

export const OrganizationSettingsInput = z.object({
  name: z.string().trim().min(1).max(120),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "A country is a two-letter ISO code such as JP."),
  timeZone: z.string().trim().min(1),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "A currency is a three-letter code such as JPY."),
  dialOutPrefix: z.string().trim().regex(/^\d{1,3}$/, "The dial-out prefix is one to three digits.").nullable(),
  detection: DetectionSettings,
});
export type OrganizationSettingsInput = z.input<typeof OrganizationSettingsInput>;
