import type { RowResult } from "@/lib/ingest/normalize/call-record";
import type { StatementMonth } from "@/lib/ingest/normalize/call-time";
import type { NumberContext } from "@/lib/ingest/normalize/phone-number";

// Every CDR layout is a folder implementing this contract, registered in registry.ts.

export type FormatContext = {
  /** IANA zone of times written without an offset (the organization's unless the user says otherwise). */
  fileTimeZone: string;
  numbers: NumberContext;
  /** The month of a statement whose dates carry no year (NTT 通話明細); null when unknown. */
  statementMonth: StatementMonth | null;
};

/** Turns one row of the file into a call, a rejected row, or a skipped non-call row. */
export type RowReader = (fields: string[], rowNumber: number) => RowResult;

/**
 * How rows relate to calls, said in the upload's summary:
 * - "one-row-per-call": every row is its own call;
 * - "grouped-by-call-id": rows sharing a call id (NormalizedCall.legGroup) are the legs of one call,
 *   counted once (the answered, external, longest leg represents it).
 */
export type LegPolicy = "one-row-per-call" | "grouped-by-call-id";

export type CdrFormat = {
  /** Stable id, used by `--format`, saved in uploads, printed by `tollwatch formats`. */
  id: string;
  label: string;
  /** Leading rows that are headers, not calls (given to createReader). */
  headerRows: number;
  legPolicy: LegPolicy;
  /** Dates without a year (statements): the import needs FormatContext.statementMonth. */
  needsStatementMonth?: boolean;
  /** How sure (0–1) the format is that these first rows of a file (header included) are its own. */
  sniff(rows: string[][]): number;
  /** The row reader for one file, knowing its header rows (empty when headerRows is 0). */
  createReader(header: string[][], context: FormatContext): RowReader;
  /**
   * Whether a file starting with this line is one this layout writes without CSV quoting (quotes
   * and commas inside fields left bare, one row per line): such a file is split into lines and
   * commas as written, since a CSV reader would run rows together at the first bare quote.
   */
  isWrittenWithoutQuoting?(firstLine: string): boolean;
};
