import Papa from "papaparse";
import { InvalidInputError } from "@/lib/errors";
import { TOLLWATCH_COLUMNS, TOLLWATCH_HEADER } from "@/lib/ingest/formats/tollwatch-calls/columns";

// The ingest API's JSON body — an array of calls, keys in camelCase (startedAt, durationSeconds, …)
// or snake_case — as the "tollwatch-calls" CSV, so it goes through the one pipeline: the same
// validation, rejected-row reasons and de-duplication as a file. Element n is row n + 1 (the header
// is row 1). An element that is not an object becomes a row holding its JSON in the start-time cell,
// rejected and counted like any bad row; a body that is not a JSON array is refused whole.

const KEYS = Object.keys(TOLLWATCH_COLUMNS) as (keyof typeof TOLLWATCH_COLUMNS)[];

export function jsonCallsToCsv(text: string): { csv: string; calls: number } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`The body is not valid JSON (${error instanceof Error ? error.message : "parse error"}): send an array of calls.`, "invalid_json");
  }
  if (!Array.isArray(body)) throw new InvalidInputError("Send a JSON array of calls: [{\"startedAt\": …, \"source\": …, \"destination\": …, \"durationSeconds\": …}, …].", "invalid_json");
  if (body.length === 0) throw new InvalidInputError("The JSON array holds no calls.", "empty_file");
  const rows = body.map((element) => KEYS.map((key, index) => cell(element, key, TOLLWATCH_HEADER[index])));
  return { csv: `${Papa.unparse({ fields: TOLLWATCH_HEADER, data: rows }, { newline: "\n" })}\n`, calls: body.length };
}

function cell(element: unknown, camel: string, snake: string): string {
  if (typeof element !== "object" || element === null || Array.isArray(element)) return camel === "startedAt" ? JSON.stringify(element) : "";
  const record = element as Record<string, unknown>;
  const value = Object.hasOwn(record, camel) ? record[camel] : Object.hasOwn(record, snake) ? record[snake] : null;
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
