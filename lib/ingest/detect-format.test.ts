import fs from "node:fs";
import { expect, test } from "vitest";
import { detectFormat, MIN_CONFIDENCE, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import { fixturePath } from "@/tests/support/fixtures";
import { readFixtureRows } from "@/tests/support/format-fixtures";

// Every fixture under tests/fixtures/cdr/<folder>/ is recognised as the format of its folder, and no
// other format comes near claiming it: the guard against a layout silently mislabelled as another.

const FORMAT_OF_FOLDER: Record<string, string> = { asterisk: "asterisk-cdr-csv" };
/** Layouts no built-in format knows (read through saved column mappings): nobody may claim them. */
const UNKNOWN_LAYOUT_FOLDERS = new Set(["column-mapping"]);
/** Tiny headerless files that are mostly broken rows: too unsure to claim, so they go to mapping. */
const TOO_BROKEN_TO_DETECT = new Set(["asterisk/master-with-bad-rows.csv", "freeswitch-cdr-csv/master-with-bad-rows.csv"]);

const fixtures = fs
  .readdirSync(fixturePath(""))
  .flatMap((folder) =>
    fs.readdirSync(fixturePath(folder)).filter((file) => /\.(csv|txt)$/i.test(file) && !file.startsWith("LICENSE")).map((file) => ({ folder, relative: `${folder}/${file}` })),
  );

test("every registered format has fixtures", () => {
  const folders = new Set(fixtures.map((fixture) => FORMAT_OF_FOLDER[fixture.folder] ?? fixture.folder));
  expect([...UNKNOWN_LAYOUT_FOLDERS].every((folder) => fixtures.some((fixture) => fixture.folder === folder))).toBe(true);
  expect(KNOWN_FORMATS.map((format) => format.id).filter((id) => !folders.has(id))).toEqual([]);
});

test.each(fixtures)("$relative is detected as its own format and nearly no other", ({ folder, relative }) => {
  const rows = readFixtureRows(relative).slice(0, SAMPLE_ROWS);
  const expected = FORMAT_OF_FOLDER[folder] ?? folder;
  const detection = detectFormat(rows);
  if (TOO_BROKEN_TO_DETECT.has(relative) || UNKNOWN_LAYOUT_FOLDERS.has(folder)) expect(detection.kind).toBe("unknown");
  else expect(detection.kind === "detected" && detection.format.id).toBe(expected);
  const rivals = KNOWN_FORMATS.filter((format) => format.id !== expected)
    .map((format) => ({ id: format.id, confidence: format.sniff(rows) }))
    .filter((rival) => rival.confidence >= MIN_CONFIDENCE / 2);
  expect(rivals).toEqual([]);
});

test("a file of another kind is unknown, not guessed", () => {
  expect(detectFormat([["name", "colour"], ["alice", "blue"]]).kind).toBe("unknown");
  expect(detectFormat([]).kind).toBe("unknown");
});
