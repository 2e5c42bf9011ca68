import type { AccountSpec } from "./traffic-profile";

// A 200-seat call centre in Osaka: ~5,000 calls a workday (mostly outbound to mobiles and inbound
// support), open on Saturdays, international calls every day to a dozen countries, a few rarely.

export function callCentre200Accounts(): AccountSpec[] {
  return [
    {
      accountCode: null,
      lineNumber: "0662311000",
      extensions: Array.from({ length: 200 }, (_, index) => String(1001 + index)),
      hours: "call-centre",
      style: "call-centre",
      workdayCalls: { outboundDomestic: 2700, outboundInternational: 45, inbound: 1900, inboundInternational: 8, internal: 250 },
      domesticMix: { fixed: 0.35, mobile: 0.6, tollFree: 0.03, naviDial: 0.02 },
      countries: [
        { destination: "US", weight: 0.2 },
        { destination: "CN", weight: 0.18 },
        { destination: "KR", weight: 0.12 },
        { destination: "TW", weight: 0.12 },
        { destination: "PH", weight: 0.08 },
        { destination: "TH", weight: 0.06 },
        { destination: "VN", weight: 0.06 },
        { destination: "SG", weight: 0.05 },
        { destination: "HK", weight: 0.05 },
        { destination: "GB", weight: 0.03 },
        { destination: "AU", weight: 0.03 },
        { destination: "IN", weight: 0.008 },
        { destination: "BR", weight: 0.006 },
        { destination: "DE", weight: 0.006 },
        { destination: "FR", weight: 0.005 },
        { destination: "ID", weight: 0.005 },
        { destination: "MY", weight: 0.005 },
      ],
      contactCounts: { fixed: 3000, mobile: 6000, perCountry: 8 },
      contactReuse: 0.3,
    },
  ];
}
