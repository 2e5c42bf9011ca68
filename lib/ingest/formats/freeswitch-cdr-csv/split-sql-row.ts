import { SQL_TEMPLATE_PREFIX } from "./columns";

// papaparse guesses the delimiter from the file's first lines; sql-template rows all end in `;`,
// so when caller names with commas make the comma count uneven it splits on `;` and hands over
// the whole statement as one field. The template's own `","` / `", "` separators still hold.

const VALUE_SEPARATOR = /", ?"/;
const STATEMENT_END = /"\);?\s*$/;

/** The values of an sql-template row papaparse did not split on commas; null for any other row. */
export function splitSqlRow(fields: string[]): string[] | null {
  if (!SQL_TEMPLATE_PREFIX.test(fields[0])) return null;
  const statement = fields.join(";").replace(SQL_TEMPLATE_PREFIX, "").trim();
  if (!statement.startsWith('"') || !STATEMENT_END.test(statement)) return null;
  return statement.slice(1).replace(STATEMENT_END, "").split(VALUE_SEPARATOR);
}
