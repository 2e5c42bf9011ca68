import type { RowResult } from "@/lib/ingest/normalize/call-record";
import type { NumberContext } from "@/lib/ingest/normalize/phone-number";

// Every CDR layout is a folder implementing this contract, registered in registry.ts.

export type FormatContext = {
  /** IANA zone of times written without an offset. */
  fileTimeZone: string;
  numbers: NumberContext;
};

export type CdrFormat = {
  id: string;
  label: string;
  /** Leading rows that are headers, not calls. */
  headerRows: number;
  /** How sure (0–1) the format is that these first rows of a file are its own. */
  sniff(rows: string[][]): number;
  toCallRecord(fields: string[], rowNumber: number, context: FormatContext): RowResult;
};
