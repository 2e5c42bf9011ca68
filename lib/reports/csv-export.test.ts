import Papa from "papaparse";
import { expect, test } from "vitest";
import { csvLines } from "@/lib/reports/csv-export";

const cellsOf = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data[0];

test("cells a spreadsheet would run as formulas get a leading apostrophe", () => {
  const cells = [`=HYPERLINK("http://evil.example","click")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1", "＝1+1", "＋1", "－1", "＠SUM(1)"];
  expect(cellsOf(csvLines([cells]))).toEqual(cells.map((cell) => `'${cell}`));
});

test("a formula spanning lines is neutralized too", () => {
  expect(cellsOf(csvLines([["=1+1\r\nsecond line", "-2+3\nx"]]))).toEqual(["'=1+1\r\nsecond line", "'-2+3\nx"]);
});

test("other text, markup and numbers are written as they are", () => {
  const cells = ["<script>alert(1)</script>", "201", "a=b", " =1", "evil\u202etxt.exe"];
  expect(cellsOf(csvLines([cells]))).toEqual(cells);
  expect(csvLines([[-5, 3, null]])).toBe("-5,3,\r\n");
});
