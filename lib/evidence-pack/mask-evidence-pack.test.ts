import { expect, test } from "vitest";
import type { EvidenceCall, EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { maskEvidencePack } from "@/lib/evidence-pack/mask-evidence-pack";
import { maskNumber } from "@/lib/format/mask-number";

test("the last four digits are hidden, whatever separates them", () => {
  expect(maskNumber("+23276123456")).toBe("+2327612••••");
  expect(maskNumber("03-1234-5678")).toBe("03-1234-••••");
  expect(maskNumber("123")).toBe("•••");
});

const call = (direction: string, source: string, destination: string) => ({ direction, source, destination }) as EvidenceCall;

test("third-party numbers are masked, the organization's own lines are not", () => {
  const pack = {
    calls: [call("outbound", "201", "+23276123456"), call("inbound", "+23276999999", "201")],
    findings: [{ id: "f", ruleId: "SEQUENTIAL_BNUM", day: "2026-03-14", severity: "high", subject: {}, numbers: { runFirst: "+23276100001", runLast: "+23276100009", runLength: 9 } }],
  } as unknown as EvidencePack;
  const masked = maskEvidencePack(pack);
  expect(masked.calls.map((entry) => [entry.source, entry.destination])).toEqual([["201", "+2327612••••"], ["+2327699••••", "201"]]);
  expect(masked.findings[0].numbers).toEqual({ runFirst: "+2327610••••", runLast: "+2327610••••", runLength: 9 });
  expect(pack.calls[0].destination).toBe("+23276123456");
});
