// DIDWW CDR export columns, as the API docs list them for cdr_in and cdr_out exports:
// https://doc.didww.com/api3/2026-04-16/export/get-csv-file-of-export.html (Source, Destination DID…),
// https://doc.didww.com/api3/2026-11-19/export/get-csv-file-of-export.html (Source Number…), and the
// User Panel export (https://doc.didww.com/user-panel/call-logs.html: DID, Duration (secs)). An export
// keeps the columns of the API version that created it, so each field accepts every documented name.

export const DIDWW_COLUMNS = {
  startedAt: ["Date/Time Start (UTC)"],
  connectedAt: ["Date/Time Connect (UTC)"],
  endedAt: ["Date/Time End (UTC)"],
  source: ["Source Number", "Source"],
  callerId: ["CLI"],
  sourceName: ["Source Name"],
  didNumber: ["Destination DID", "DID"],
  dialledNumber: ["Destination Number"],
  talkSeconds: ["Duration (sec)", "Duration (secs)", "Call Duration (sec)"],
  disconnectCode: ["Disconnect Code"],
  trunk: ["Voice IN Trunk", "Voice OUT Trunk"],
  deliveredTo: ["Destination"],
  totalUsd: ["Total (USD)", "Charged (USD)"],
  callId: ["Call ID"],
} as const;

export type DidwwColumn = keyof typeof DIDWW_COLUMNS;

export const DIDWW_TIME_NAMES = ["Date/Time Start (UTC)", "Date/Time Connect (UTC)", "Date/Time End (UTC)"] as const;
