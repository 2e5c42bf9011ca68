// Seconds from the ways CDRs write a duration: "315", "315.6", "00:05:15", "5:15", "5m 15s",
// "1h 2m 3s", "75s (1m 15s)" (Elastix), "1分23秒", "1時間2分3秒" (Japanese statements).

const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$/;
const UNITS = /^(?:(\d+)\s*(?:h|時間))?\s*(?:(\d+)\s*(?:m|min|分))?\s*(?:(\d+(?:\.\d+)?)\s*(?:s|sec|秒))?$/i;

export function parseDurationSeconds(text: string): number | null {
  const trimmed = text.normalize("NFKC").trim().replace(/\s*\(.*\)$/, "");
  if (trimmed === "") return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed));
  const clock = CLOCK.exec(trimmed);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1] ?? 0), Number(clock[2]), Number(clock[3])];
    return seconds < 60 && (clock[1] === undefined || minutes < 60) ? hours * 3600 + minutes * 60 + seconds : null;
  }
  const units = UNITS.exec(trimmed);
  if (units && (units[1] || units[2] || units[3])) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Math.round(Number(units[3] ?? 0));
  }
  return null;
}
