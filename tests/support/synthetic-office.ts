// A small deterministic office for detection tests, as Asterisk Master.csv lines (times in Tokyo):
// weeks of ordinary traffic — domestic calls on workdays (closed on public holidays), a few calls to
// the US — and, optionally,
// the seed's flood: ~3,500 calls a day of 30–32 s to a handful of Sierra Leone numbers on six lines,
// round the clock from 02:30 on a Saturday for four days.

import holidayJp from "@holiday-jp/holiday_jp";

export type SyntheticOfficeOptions = { firstDay: string; days: number; floodStartDay?: string; floodDays?: number };

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number) => String(value).padStart(2, "0");
const wall = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

function line(startWallMs: number, source: string, destination: string, context: string, billsec: number, ring: number, id: string): string {
  const answered = billsec > 0;
  const answer = answered ? `"${wall(startWallMs + ring * 1000)}"` : "";
  const end = wall(startWallMs + (ring + billsec) * 1000);
  return `"","${source}","${destination}","${context}","""Office"" <${source}>","PJSIP/${source}-1","PJSIP/trunk-1","Dial","PJSIP/${destination}@trunk","${wall(startWallMs)}",${answer},"${end}",${ring + billsec},${billsec},"${answered ? "ANSWERED" : "NO ANSWER"}","DOCUMENTATION","${id}",""`;
}

export function syntheticOfficeMaster(options: SyntheticOfficeOptions): string {
  const next = random(7);
  const lines: string[] = [];
  const [year, month, dayOfMonth] = options.firstDay.split("-").map(Number);
  let sequence = 0;
  for (let index = 0; index < options.days; index++) {
    const dayMs = Date.UTC(year, month - 1, dayOfMonth + index);
    const weekday = new Date(dayMs).getUTCDay();
    const isHoliday = new Date(dayMs).toISOString().slice(0, 10) in holidayJp.holidays;
    const isWorkday = weekday >= 1 && weekday <= 5 && !isHoliday;
    const calls = isWorkday ? 40 + Math.floor(next() * 20) : weekday === 6 && !isHoliday ? 3 : 0;
    for (let call = 0; call < calls; call++) {
      const start = dayMs + (9 + next() * 9) * 3600_000;
      const extension = String(201 + Math.floor(next() * 10));
      const isInternational = isWorkday && next() < 0.06;
      const destination = isInternational ? `0101212555${String(1000 + Math.floor(next() * 9000))}` : `03${String(10000000 + Math.floor(next() * 89999999))}`;
      const billsec = next() < 0.8 ? 30 + Math.floor(next() * 600) : 0;
      lines.push(line(start, extension, destination, "from-internal", billsec, 5 + Math.floor(next() * 10), `${Math.floor(start / 1000)}.${sequence++}`));
    }
  }
  if (options.floodStartDay) {
    const [floodYear, floodMonth, floodDay] = options.floodStartDay.split("-").map(Number);
    const start = Date.UTC(floodYear, floodMonth - 1, floodDay, 2, 30);
    const end = start + (options.floodDays ?? 4) * 24 * 3600_000 - 2.5 * 3600_000;
    for (let lineNumber = 0; lineNumber < 6; lineNumber++) {
      for (let at = start + lineNumber * 7_000; at < end; ) {
        const billsec = 30 + Math.floor(next() * 3);
        const destination = `010232761234${String(50 + Math.floor(next() * 5))}`;
        lines.push(line(at, "201", destination, "from-internal", billsec, 3, `${Math.floor(at / 1000)}.${sequence++}`));
        at += (billsec + 3 + 98) * 1000; // ~1 call every 2+ minutes per line, ~3,600 a day on six lines
      }
    }
  }
  return `${lines.sort((a, b) => a.split('","')[9].localeCompare(b.split('","')[9])).join("\n")}\n`;
}
