import { z } from "zod";

// An organization's detection settings, one validated document (organizations.detection_settings).
// Every field has a default, so an empty document means "the defaults".

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DetectionSettings = z.object({
  businessHours: z
    .object({
      startHour: z.number().int().min(0).max(23).default(9),
      endHour: z.number().int().min(1).max(24).default(18),
      /** 0 = Sunday … 6 = Saturday. */
      weekdays: z.array(z.number().int().min(0).max(6)).default([1, 2, 3, 4, 5]),
    })
    .default({ startHour: 9, endHour: 18, weekdays: [1, 2, 3, 4, 5] }),
  /** Public holidays that count as closed days: Japan's are built in. */
  holidayCalendar: z.enum(["JP", "none"]).default("JP"),
  /** Further closed days (company holidays), YYYY-MM-DD. */
  closedDays: z.array(day).default([]),
  /** Countries called legitimately ("we call Vietnam every day"): never new, never high risk. */
  allowedCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  /** Per rule: switch off, or override parameters (names as each rule documents them). */
  rules: z.record(z.string(), z.object({ enabled: z.boolean().default(true), params: z.record(z.string(), z.number()).default({}) })).default({}),
  /** Rates per minute in the organization's currency by destination country (overrides the defaults). */
  ratesPerMinute: z.record(z.string(), z.number().nonnegative()).default({}),
  /** Lines (channels) the business has; simultaneous calls above this are impossible for staff. */
  lines: z.number().int().positive().nullable().default(null),
});
export type DetectionSettings = z.infer<typeof DetectionSettings>;

export function parseDetectionSettings(value: unknown): DetectionSettings {
  const parsed = DetectionSettings.safeParse(value ?? {});
  return parsed.success ? parsed.data : DetectionSettings.parse({});
}
