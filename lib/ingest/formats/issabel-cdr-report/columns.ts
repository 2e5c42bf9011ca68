// Column labels of the Issabel 4 CDR report (IssabelFoundation/reports@a3e476a1 modules/cdrreport,
// DataTables CSV button) and of the Elastix 2 grid export (@3b197ab, paloSantoGrid listcsv.tpl).
// Labels pass through _tr(): only the English ones are known, other UI languages are not claimed.

/** The nine columns both exports share, in the order both write them. */
export const REPORT_LABELS = ["Date", "Source", "Ring Group", "Destination", "Src. Channel", "Account Code", "Dst. Channel", "Status", "Duration"] as const;
export const REPORT_MANDATORY = ["Date", "Source", "Destination", "Status", "Duration"] as const;

/** Where each field the reader needs may be, by label (findColumns). */
export const REPORT_FIELDS = {
  date: ["Date"],
  source: ["Source"],
  destination: ["Destination"],
  sourceChannel: ["Src. Channel"],
  accountCode: ["Account Code"],
  destinationChannel: ["Dst. Channel"],
  status: ["Status"],
  duration: ["Duration"],
  uniqueId: ["UniqueID"],
} as const;

export type ReportColumns = Record<keyof typeof REPORT_FIELDS, number>;
