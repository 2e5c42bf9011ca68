// CUCM CDR field names as line 1 of a cdr_* flat file spells them (Cisco CDR Administration Guide
// 12.5(1), "CDR Processing"; a real header captured in ../shared/formats §5). Header names only:
// the column count grows with every CUCM release.

export const CUCM_COLUMNS = {
  recordType: ["cdrRecordType"],
  callManagerId: ["globalCallID_callManagerId"],
  callId: ["globalCallID_callId"],
  originatedAt: ["dateTimeOrigination"],
  connectedAt: ["dateTimeConnect"],
  disconnectedAt: ["dateTimeDisconnect"],
  callingNumber: ["callingPartyNumber"],
  originalCalledNumber: ["originalCalledPartyNumber"],
  finalCalledNumber: ["finalCalledPartyNumber"],
  outpulsedCalledNumber: ["outpulsedCalledPartyNumber"],
  originCause: ["origCause_value"],
  destinationCause: ["destCause_value"],
  talkSeconds: ["duration"],
  originDevice: ["origDeviceName"],
  destinationDevice: ["destDeviceName"],
  clientMatterCode: ["clientMatterCode"],
  recordId: ["pkid"],
} as const;

export type CucmColumn = keyof typeof CUCM_COLUMNS;

/** Names a CUCM CDR header has had since 4.x; a CMR (cmr_*) header lacks the time and number ones. */
export const CUCM_SNIFF_NAMES = [
  "cdrRecordType", "globalCallID_callManagerId", "globalCallID_callId", "origLegCallIdentifier",
  "dateTimeOrigination", "callingPartyNumber", "origCause_value", "destLegIdentifier",
  "originalCalledPartyNumber", "finalCalledPartyNumber", "destCause_value", "dateTimeConnect",
  "dateTimeDisconnect", "pkid", "duration", "origDeviceName", "destDeviceName",
] as const;

export const CUCM_MANDATORY_NAMES = ["cdrRecordType", "globalCallID_callId", "dateTimeOrigination", "callingPartyNumber"] as const;

/** cdrRecordType: 0 start record (unused), 1 end-of-call CDR, 2 CMR (Cisco CDR field descriptions). */
export const CDR_RECORD_TYPE = "1";
