import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { listRejectedRows } from "@/lib/queries/upload-page";
import { csvLines } from "@/lib/reports/csv-export";

const PAGE = 5000;

/** row_number, reason_code, detail, raw_line for every rejected row, never all in memory at once. */
export function streamRejectedRowsCsv(ctx: OrgContext, uploadId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let isFirst = true;
  return new ReadableStream({
    async pull(controller) {
      const rows = await listRejectedRows(ctx, uploadId, { limit: PAGE, afterRowNumber: after });
      const header = isFirst ? [["row_number", "reason_code", "detail", "raw_line"]] : [];
      // A byte-order mark first, so spreadsheet programs read the UTF-8 (Japanese) text correctly.
      if (isFirst) controller.enqueue(encoder.encode("\uFEFF"));
      isFirst = false;
      controller.enqueue(encoder.encode(csvLines([...header, ...rows.map((row) => [row.rowNumber, row.reasonCode, row.detail, row.rawLine])])));
      if (rows.length < PAGE) controller.close();
      else after = rows[rows.length - 1].rowNumber;
    },
  });
}
