import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";

// For sharing beyond the carrier: the last four digits of third-party numbers (the numbers called,
// and callers from outside) become "•"; the organization's own lines and extensions stay, since
// they are what the pack is about. Number ranges already leave out the last four digits.

const HIDDEN_DIGITS = 4;
const NUMBER_FIELDS = ["runFirst", "runLast"];

/** "+23276123456" → "+2327612••••"; numbers of four digits or fewer are hidden whole. */
export function maskNumber(number: string): string {
  let hidden = 0;
  const characters = [...number];
  for (let index = characters.length - 1; index >= 0 && hidden < HIDDEN_DIGITS; index--) {
    if (/\d/.test(characters[index])) {
      characters[index] = "•";
      hidden++;
    }
  }
  return characters.join("");
}

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
