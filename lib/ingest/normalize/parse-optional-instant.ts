import { parseInstant, type DateContext } from "@/lib/ingest/normalize/call-time";

/** A year-month-day time that may be missing (answer, end): null when empty or unreadable, never a rejection. */
export function parseOptionalInstant(text: string, context: DateContext): Date | null {
  if (text === "") return null;
  const parsed = parseInstant(text, "year-month-day", context);
  return parsed.ok ? parsed.date : null;
}
