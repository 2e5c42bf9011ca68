import { FROM_START_STAMP, SQL_TEMPLATE_PREFIX } from "./columns";

// The first and last fields are where the templates stop being CSV: the sql template wraps the
// row in `INSERT INTO cdr VALUES (…);`, the default and sql ones put `", "` before accountcode, and
// an unescaped `",` inside caller_id_name splits it over several fields.

const SQL_SUFFIX = /\);\s*$/;

export type TemplateEnds = { callerName: string; accountCode: string };

export function repairTemplateEnds(fields: string[], startStampIndex: number): TemplateEnds {
  const nameFieldCount = startStampIndex + FROM_START_STAMP.callerIdNumber;
  const accountText = fields[startStampIndex + FROM_START_STAMP.accountcode] ?? "";
  if (SQL_TEMPLATE_PREFIX.test(fields[0])) {
    // papaparse saw the sql row's first field as unquoted, so its parts are the literal text.
    const name = fields.slice(0, nameFieldCount).join(",").replace(SQL_TEMPLATE_PREFIX, "");
    return { callerName: unwrapQuotes(name), accountCode: unwrapQuotes(accountText.replace(SQL_SUFFIX, "")) };
  }
  return { callerName: spilledName(fields, nameFieldCount), accountCode: unwrapQuotes(accountText) };
}

/** papaparse closed the quoted name at its first `",`; the last part keeps the template's closing quote. */
function spilledName(fields: string[], nameFieldCount: number): string {
  if (nameFieldCount === 1) return fields[0];
  const rest = fields.slice(1, nameFieldCount).join(",");
  return rest.endsWith('"') ? `${fields[0]}",${rest.slice(0, -1)}` : `${fields[0]},${rest}`;
}

function unwrapQuotes(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}
