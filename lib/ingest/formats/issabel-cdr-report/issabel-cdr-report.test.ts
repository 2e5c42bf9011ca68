import { expect, test } from "vitest";
import { detectFormat } from "@/lib/ingest/detect-format";
import { issabelCdrReport } from "@/lib/ingest/formats/issabel-cdr-report/issabel-cdr-report";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const OWN_FILES = ["issabel4-cdr-report.csv", "issabel4-cdr-report-seconds.csv", "elastix2-grid-export.csv"];

test("claims the Issabel 4 report and the Elastix 2 grid export, ahead of every registered format", () => {
  for (const file of OWN_FILES) {
    const rows = readFixtureRows(`issabel-cdr-report/${file}`);
    expect(issabelCdrReport.sniff(rows)).toBe(1);
    expect(detectFormat(rows)).toMatchObject({ kind: "detected", format: { id: "issabel-cdr-report" } });
  }
});

test("does not claim a translated header", () => {
  expect(issabelCdrReport.sniff([["Fecha", "Origen", "Grupo de Timbrado", "Destino", "Canal Origen", "Código de Cuenta", "Canal Destino", "Estado", "Duración"]])).toBe(0);
});

test("an international call to Sierra Leone through 010, in Tokyo time", () => {
  const results = readFixtureWith(issabelCdrReport, "issabel-cdr-report/issabel4-cdr-report.csv").map(callOf);
  expect(results[6]).toMatchObject({
    rowNumber: 8,
    startedAt: new Date("2026-03-14T02:10:05Z"),
    answeredAt: null,
    endedAt: null,
    durationSeconds: 75,
    billableSeconds: 75,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "201",
    sourceE164: null,
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "acct-7",
    callerName: null,
    sourceChannel: "PJSIP/201-00000001",
    destinationChannel: "PJSIP/trunk-00000002",
    callId: "1773454205.101",
    legGroup: "1773454205.101",
  });
  expect(results[6].fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("long, failed, busy, forked inbound and internal calls", () => {
  const [long, failed, busy, answeredPhone, ringingPhone, internal] = readFixtureWith(issabelCdrReport, "issabel-cdr-report/issabel4-cdr-report.csv").map(callOf);
  expect(long).toMatchObject({ billableSeconds: 3725, destinationNumberType: "fixed_line", direction: "outbound" });
  expect(failed).toMatchObject({ disposition: "failed", destinationNumberType: "premium_rate", destinationChannel: null });
  expect(busy).toMatchObject({ disposition: "busy", destinationE164: "+819012345678" });
  expect(answeredPhone).toMatchObject({ direction: "inbound", disposition: "answered", billableSeconds: 300, sourceE164: "+81312345678", legGroup: "1773483300.40" });
  expect(ringingPhone).toMatchObject({ disposition: "no_answer", legGroup: "1773483300.40", destinationChannel: "PJSIP/201-00000012" });
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer", accountCode: "acct-9" });
});

test("durations in plain seconds, and a status still wrapped in the grid's <font>", () => {
  const [international, busy] = readFixtureWith(issabelCdrReport, "issabel-cdr-report/issabel4-cdr-report-seconds.csv").map(callOf);
  expect(international).toMatchObject({ billableSeconds: 75, destinationCountry: "SL", startedAt: new Date("2026-03-15T00:00:00Z") });
  expect(busy).toMatchObject({ disposition: "busy", billableSeconds: 0 });
});

test("a status in another language is unknown unless talk time shows an answer", () => {
  const header = ["Date", "Source", "Ring Group", "Destination", "Src. Channel", "Account Code", "Dst. Channel", "Status", "Duration"];
  const read = issabelCdrReport.createReader([header], TOKYO);
  const row = (status: string, duration: string) => ["2026-03-14 10:00:00", "201", "", "0312345678", "", "", "", status, duration];
  expect(callOf(read(row("CONTESTADA", "40s"), 2)).disposition).toBe("answered");
  expect(callOf(read(row("OCUPADO", "0s"), 3)).disposition).toBe("unknown");
});

test("the Elastix 2 grid export: trailing commas, blank lines, `75s (1m 15s)`", () => {
  const [international, internal, inbound, busy, long] = readFixtureWith(issabelCdrReport, "issabel-cdr-report/elastix2-grid-export.csv").map(callOf);
  expect(international).toMatchObject({ billableSeconds: 75, destinationCountry: "SL", accountCode: "acct-7", callId: null, legGroup: null, sourceChannel: "SIP/201-00000001" });
  expect(internal).toMatchObject({ direction: "internal", disposition: "no_answer" });
  expect(inbound).toMatchObject({ direction: "inbound", billableSeconds: 300 });
  expect(busy).toMatchObject({ disposition: "busy", destinationChannel: null });
  expect(long).toMatchObject({ billableSeconds: 3725, startedAt: new Date("2026-03-14T12:00:00Z") });
});

test("the same row read in UTC lands nine hours later than in Tokyo", () => {
  const [first] = readFixtureWith(issabelCdrReport, "issabel-cdr-report/elastix2-grid-export.csv", { ...TOKYO, fileTimeZone: "UTC" });
  expect(callOf(first).startedAt.toISOString()).toBe("2026-03-14T11:10:05.000Z");
});

test("bad rows are rejected with a reason, a repeated header is skipped", () => {
  const results = readFixtureWith(issabelCdrReport, "issabel-cdr-report/issabel-cdr-report-with-bad-rows.csv");
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_duration", "missing_destination", "wrong_column_count", "skipped:repeated_header", "call",
  ]);
  const badDate = results[1];
  expect(badDate.kind === "rejected" && badDate.row).toMatchObject({ rowNumber: 3, detail: "2026-02-30 09:00:00" });
  const badDuration = results[2];
  expect(badDuration.kind === "rejected" && badDuration.row).toMatchObject({ rowNumber: 4, detail: "sixty" });
  const truncated = results[4];
  expect(truncated.kind === "rejected" && truncated.row).toMatchObject({ rowNumber: 6, detail: "4 of 13" });
});
