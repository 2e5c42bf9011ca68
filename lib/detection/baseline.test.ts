import { expect, test } from "vitest";
import { logGamma, median, poissonUpperTail, robustBaseline, robustScore } from "@/lib/detection/baseline";

test("median and the floored robust scale", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
  expect(robustBaseline([0, 0, 0, 0, 0])).toEqual({ expected: 0, scale: 1, samples: 5 }); // MAD 0 floored
  expect(robustBaseline([100, 110, 90, 105, 95]).scale).toBeCloseTo(10); // √100 dominates MAD/0.6745 = 7.4
  expect(robustScore(3512, robustBaseline([0, 0, 1, 0, 0]))).toBe(3512);
});

test("log-gamma agrees with factorials", () => {
  expect(logGamma(1)).toBeCloseTo(0, 10);
  expect(logGamma(6)).toBeCloseTo(Math.log(120), 10);
  expect(logGamma(101)).toBeCloseTo(363.73937555556347, 8);
});

test("Poisson tails: exact at small counts, tiny for a flood", () => {
  expect(poissonUpperTail(0, 2)).toBe(1);
  expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
  expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), 12);
  expect(poissonUpperTail(5, 0.2)).toBeLessThan(1e-5);
  expect(poissonUpperTail(3512, 0.5)).toBe(0);
  expect(poissonUpperTail(12, 10)).toBeGreaterThan(0.2);
});
