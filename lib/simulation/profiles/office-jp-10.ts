import type { AccountSpec } from "./traffic-profile";

// A 10-seat office in Tokyo (the seed case's size): ~150 calls a workday, and a few international
// calls a week to the US, China, Korea and Taiwan, now and then to the UK or Singapore.

export function officeJp10Accounts(): AccountSpec[] {
  return [
    {
      accountCode: null,
      lineNumber: "0362801234",
      extensions: Array.from({ length: 10 }, (_, index) => String(201 + index)),
      hours: "office",
      style: "office",
      workdayCalls: { outboundDomestic: 68, outboundInternational: 0.8, inbound: 58, inboundInternational: 0.15, internal: 22 },
      domesticMix: { fixed: 0.5, mobile: 0.42, tollFree: 0.05, naviDial: 0.03 },
      countries: [
        { destination: "US", weight: 0.35 },
        { destination: "TW", weight: 0.22 },
        { destination: "CN", weight: 0.2 },
        { destination: "KR", weight: 0.15 },
        { destination: "GB", weight: 0.04 },
        { destination: "SG", weight: 0.04 },
      ],
      contactCounts: { fixed: 250, mobile: 120, perCountry: 3 },
      contactReuse: 0.75,
    },
  ];
}
