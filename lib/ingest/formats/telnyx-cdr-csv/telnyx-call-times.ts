import type { FormatContext } from "@/lib/ingest/formats/cdr-format";
import { parseInstant, type ParsedInstant } from "@/lib/ingest/normalize/call-time";

// A Telnyx report gives the start twice, start_timestamp_utc and start_timestamp (the account's
// local time), but answer_timestamp and end_timestamp once, in no stated zone. Read without an
// offset, they are taken to share start_timestamp's zone; the pair gives that zone's offset.

const UTC = { timeZone: "UTC" };
const EXPLICIT_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

export type TelnyxCallTimes = { started: ParsedInstant; startText: string; answeredAt: Date | null; endedAt: Date | null };

export function telnyxCallTimes(
  texts: { startUtc: string; startLocal: string; answer: string; end: string },
  context: FormatContext,
): TelnyxCallTimes {
  const startText = texts.startUtc || texts.startLocal;
  const started = texts.startUtc
    ? parseInstant(texts.startUtc, "year-month-day", UTC)
    : parseInstant(texts.startLocal, "year-month-day", { timeZone: context.fileTimeZone });
  const localWall = texts.startLocal ? parseInstant(texts.startLocal, "year-month-day", UTC) : null;
  // Local wall clock minus UTC, in ms; unknown without both starts.
  const localOffsetMs = started.ok && localWall?.ok ? localWall.date.getTime() - started.date.getTime() : null;
  const laterTime = (text: string): Date | null => {
    if (text === "") return null;
    const isLocalWallClock = localOffsetMs !== null && !EXPLICIT_OFFSET.test(text);
    const parsed = parseInstant(text, "year-month-day", isLocalWallClock ? UTC : { timeZone: context.fileTimeZone });
    if (!parsed.ok) return null;
    return isLocalWallClock ? new Date(parsed.date.getTime() - (localOffsetMs ?? 0)) : parsed.date;
  };
  return { started, startText, answeredAt: laterTime(texts.answer), endedAt: laterTime(texts.end) };
}
