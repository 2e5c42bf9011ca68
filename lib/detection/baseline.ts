// The statistics behind baselines (research notes §5): robust centre and spread of earlier
// comparable periods, a floor on the spread so sparse series (MAD = 0) cannot produce infinite
// scores, and a Poisson upper tail that behaves at the small counts of an office's international calls.

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
}

export type RobustBaseline = { expected: number; scale: number; samples: number };

/** Median and a floored robust scale: max(MAD / 0.6745, √median, 1) (Iglewicz–Hoaglin with a floor). */
export function robustBaseline(values: readonly number[]): RobustBaseline {
  const expected = median(values);
  const scale = Math.max(medianAbsoluteDeviation(values) / 0.6745, Math.sqrt(expected), 1);
  return { expected, scale, samples: values.length };
}

/** How many robust scales `observed` lies above the baseline. */
export function robustScore(observed: number, baseline: RobustBaseline): number {
  return (observed - baseline.expected) / baseline.scale;
}

/** Natural log of Γ(x) (Lanczos approximation), for Poisson terms at large counts. */
export function logGamma(x: number): number {
  const coefficients = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = 0.9999999999998099;
  coefficients.forEach((coefficient, index) => (sum += coefficient / (shifted + index + 1)));
  const t = shifted + coefficients.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** P(X ≥ observed) for X ~ Poisson(mean): how surprising a count is when `mean` is usual. */
export function poissonUpperTail(observed: number, mean: number): number {
  if (observed <= 0) return 1;
  const lambda = Math.max(mean, 1e-9);
  const logTerm = (k: number) => -lambda + k * Math.log(lambda) - logGamma(k + 1);
  if (observed > lambda) {
    let total = 0;
    for (let k = observed; k < observed + 10_000; k++) {
      const term = Math.exp(logTerm(k));
      total += term;
      if (term < total * 1e-12) break;
    }
    return Math.min(1, total);
  }
  let below = 0;
  for (let k = 0; k < observed; k++) below += Math.exp(logTerm(k));
  return Math.max(0, 1 - below);
}
