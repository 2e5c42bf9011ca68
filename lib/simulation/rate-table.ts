// Charges from a small built-in tariff, in yen: each rate bills whole units of `unitSeconds`.
// Only Sierra Leone (175 yen per ~32 s call), PNG (249 yen/30 s) and the domestic fixed and mobile
// rates are anchored in the research; the rest are plausible assumptions (research §7).

export type Rate = { unitSeconds: number; yenPerUnit: number };

/** International rates are per minute, billed in 6-second units. */
export const perMinute = (yenPerMinute: number): Rate => ({ unitSeconds: 6, yenPerUnit: yenPerMinute / 10 });

export const DOMESTIC_RATES = {
  fixed: { unitSeconds: 180, yenPerUnit: 8 },
  mobile: { unitSeconds: 60, yenPerUnit: 16 },
  tollFree: { unitSeconds: 60, yenPerUnit: 0 },
  naviDial: { unitSeconds: 60, yenPerUnit: 10 },
  /** 0990 information-charge numbers: the expensive domestic class. */
  premium: { unitSeconds: 30, yenPerUnit: 100 },
} as const satisfies Record<string, Rate>;

export function costYenFor(rate: Rate, billableSeconds: number): number {
  if (billableSeconds <= 0) return 0;
  return Math.round(Math.ceil(billableSeconds / rate.unitSeconds) * rate.yenPerUnit);
}
