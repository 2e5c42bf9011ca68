import { expect, test } from "vitest";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { DOMESTIC_PATTERNS, FIXED_AREAS } from "./domestic-destinations";
import { drawDomesticNumber, drawInternationalNumber } from "./draw-number";
import { INTERNATIONAL_DESTINATIONS, type InternationalDestinationId } from "./international-destinations";
import { costYenFor, DOMESTIC_RATES } from "./rate-table";
import { createSeededRandom } from "./seeded-random";

// Numbers the simulator dials must mean to the project's parser what the simulator says they mean.

const JAPAN = { defaultCountry: "JP", dialOutPrefix: null };

test("every international pattern lands in its country (or the satellite network)", () => {
  const random = createSeededRandom(1);
  for (const id of Object.keys(INTERNATIONAL_DESTINATIONS) as InternationalDestinationId[]) {
    for (let sample = 0; sample < 30; sample++) {
      const classified = classifyNumber(drawInternationalNumber(id, random), JAPAN);
      expect(classified.country, id).toBe(INTERNATIONAL_DESTINATIONS[id].country);
      if (id === "THURAYA") expect(classified.numberType).toBe("international_network");
    }
  }
});

test("domestic numbers: fixed, mobile, toll-free, Navi Dial and 0990 premium", () => {
  const random = createSeededRandom(2);
  expect(FIXED_AREAS.length).toBeGreaterThan(5);
  for (let sample = 0; sample < 50; sample++) {
    expect(classifyNumber(drawDomesticNumber("fixed", random), JAPAN).numberType).toBe("fixed_line");
    expect(classifyNumber(drawDomesticNumber("mobile", random), JAPAN).numberType).toBe("mobile");
    expect(classifyNumber(drawDomesticNumber("tollFree", random), JAPAN).numberType).toBe("toll_free");
    expect(classifyNumber(drawDomesticNumber("naviDial", random), JAPAN).numberType).toBe("uan");
    expect(classifyNumber(drawDomesticNumber("premium", random), JAPAN).numberType).toBe("premium_rate");
  }
  expect(DOMESTIC_PATTERNS.premium.patterns[0].startsWith("0990")).toBe(true);
});

test("rates: Sierra Leone 175 yen for a 32 s call, domestic fixed 8 yen per 3 min, mobile 16 yen per min", () => {
  expect(costYenFor(INTERNATIONAL_DESTINATIONS.SL.rate, 32)).toBe(175);
  expect(costYenFor(INTERNATIONAL_DESTINATIONS.SL.rate, 31)).toBe(175);
  expect(costYenFor(DOMESTIC_RATES.fixed, 180)).toBe(8);
  expect(costYenFor(DOMESTIC_RATES.fixed, 181)).toBe(16);
  expect(costYenFor(DOMESTIC_RATES.mobile, 61)).toBe(32);
  expect(costYenFor(INTERNATIONAL_DESTINATIONS.PG.rate, 30)).toBe(249);
  expect(costYenFor(DOMESTIC_RATES.premium, 600)).toBeGreaterThan(costYenFor(INTERNATIONAL_DESTINATIONS.US.rate, 600) * 10);
  expect(costYenFor(INTERNATIONAL_DESTINATIONS.THURAYA.rate, 60)).toBe(1000);
  expect(costYenFor(DOMESTIC_RATES.tollFree, 600)).toBe(0);
  expect(costYenFor(DOMESTIC_RATES.fixed, 0)).toBe(0);
});
