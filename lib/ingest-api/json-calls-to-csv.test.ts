import Papa from "papaparse";
import { expect, test } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { jsonCallsToCsv } from "@/lib/ingest-api/json-calls-to-csv";

test("camelCase and snake_case keys become the columns; other keys are ignored; cells are quoted", () => {
  const { csv, calls } = jsonCallsToCsv(JSON.stringify([
    { startedAt: "2026-03-14T02:10:05+09:00", source: "\"Office\" <201>", destination: "010232,76", durationSeconds: 31, extra: "ignored" },
    { started_at: "2026-03-14 02:12:00", source: "201", destination: "+23276123457", duration_seconds: 5, disposition: "no_answer" },
  ]));
  expect(calls).toBe(2);
  const rows = Papa.parse<string[]>(csv.trimEnd()).data;
  expect(rows[0]).toContain("started_at");
  const at = (row: string[], name: string) => row[rows[0].indexOf(name)];
  expect(at(rows[1], "source")).toBe("\"Office\" <201>");
  expect(at(rows[1], "destination")).toBe("010232,76");
  expect(at(rows[1], "duration_seconds")).toBe("31");
  expect(at(rows[2], "started_at")).toBe("2026-03-14 02:12:00");
  expect(at(rows[2], "disposition")).toBe("no_answer");
  expect(rows).toHaveLength(3);
});

test("an element that is not an object keeps its place as a row that will be rejected", () => {
  const rows = Papa.parse<string[]>(jsonCallsToCsv('[42, null, ["a"]]').csv.trimEnd()).data;
  expect(rows.slice(1).map((row) => row[0])).toEqual(["42", "null", '["a"]']);
});

test("a body that is not a non-empty JSON array is refused whole", () => {
  for (const body of ["{", '{"calls": []}', "[]", '"text"']) expect(() => jsonCallsToCsv(body), body).toThrow(InvalidInputError);
});
