import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { maskNumber } from "@/lib/format/mask-number";

// For sharing beyond the carrier: the last four digits of third-party numbers (the numbers called,
// and callers from outside) become "•"; the organization's own lines and extensions stay, since
// they are what the pack is about. Number ranges already leave out the last four digits.

const NUMBER_FIELDS = ["runFirst", "runLast"];

export function maskEvidencePack(pack: EvidencePack): EvidencePack {
  return {
    ...pack,
    calls: pack.calls.map((call) => (call.direction === "inbound" ? { ...call, source: maskNumber(call.source) } : { ...call, destination: maskNumber(call.destination) })),
    findings: pack.findings.map((finding) => ({
      ...finding,
      numbers: Object.fromEntries(Object.entries(finding.numbers).map(([key, value]) => [key, NUMBER_FIELDS.includes(key) && typeof value === "string" ? maskNumber(value) : value])),
    })),
  };
}
