import { asteriskCdrCsv } from "@/lib/ingest/formats/asterisk-cdr-csv/asterisk-cdr-csv";
import type { CdrFormat } from "@/lib/ingest/formats/cdr-format";

export const KNOWN_FORMATS: readonly CdrFormat[] = [asteriskCdrCsv];

export function findFormat(id: string): CdrFormat | undefined {
  return KNOWN_FORMATS.find((format) => format.id === id);
}
