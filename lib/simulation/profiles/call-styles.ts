import type { CallStyleId } from "./traffic-profile";

// How calls of each stream end and how long answered ones last (lognormal talk times, as call-centre
// studies find). Failed attempts are what remains after answered, no-answer and busy.

export type StreamStyle = { answered: number; noAnswer: number; busy: number; medianSeconds: number; sigma: number };

export type CallStyle = {
  outboundDomestic: StreamStyle;
  outboundInternational: StreamStyle;
  inbound: StreamStyle;
  internal: StreamStyle;
};

export const CALL_STYLES: Record<CallStyleId, CallStyle> = {
  office: {
    outboundDomestic: { answered: 0.78, noAnswer: 0.13, busy: 0.07, medianSeconds: 110, sigma: 1 },
    outboundInternational: { answered: 0.72, noAnswer: 0.16, busy: 0.06, medianSeconds: 260, sigma: 0.9 },
    inbound: { answered: 0.86, noAnswer: 0.11, busy: 0.03, medianSeconds: 150, sigma: 1 },
    internal: { answered: 0.82, noAnswer: 0.15, busy: 0.03, medianSeconds: 45, sigma: 0.8 },
  },
  "call-centre": {
    outboundDomestic: { answered: 0.6, noAnswer: 0.3, busy: 0.07, medianSeconds: 95, sigma: 0.9 },
    outboundInternational: { answered: 0.65, noAnswer: 0.22, busy: 0.07, medianSeconds: 220, sigma: 0.8 },
    inbound: { answered: 0.88, noAnswer: 0.1, busy: 0.02, medianSeconds: 240, sigma: 0.8 },
    internal: { answered: 0.85, noAnswer: 0.12, busy: 0.03, medianSeconds: 60, sigma: 0.8 },
  },
};
