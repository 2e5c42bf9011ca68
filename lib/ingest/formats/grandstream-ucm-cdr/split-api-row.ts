import { API_HEADER, API_LEADING_COUNT, API_LEADING_FIELDS, API_TRAILING_COUNT, API_TRAILING_FIELDS } from "./columns";
import type { GrandstreamValues } from "./to-grandstream-call";

// A CDR API `format=csv` row read from both ends (../shared/formats §7a): clid `"pn01" <5300>` and
// lastdata `SIP/5301,60,` are written unescaped, so the row has 22 or more physical fields.

const CHANNEL = /^[A-Za-z][\w-]*\/\S+$/;
const APPLICATION = /^[A-Za-z]*$/;
const MIDDLE_FIELD_COUNT = 5;

export type ApiRowSplit = { ok: true; values: GrandstreamValues } | { ok: false; problem: "merged_lines" | "too_few_fields"; detail: string };

export function splitApiRow(fields: string[]): ApiRowSplit {
  // A CSV reader that met clid's opening quote swallows every following line into one field.
  const mergedField = fields.find((field) => field.includes("\n"));
  if (mergedField !== undefined) {
    return { ok: false, problem: "merged_lines", detail: `${mergedField.trimEnd().split("\n").length} lines run together after an unescaped quote in clid` };
  }
  // Fewer fields than names means the reader took part of the row as quoted: undo that first.
  const parts = fields.length >= API_HEADER.length ? fields : fields.join(",").split(",");
  if (parts.length < API_HEADER.length) return { ok: false, problem: "too_few_fields", detail: `${parts.length} of ${API_HEADER.length}` };
  const fromEnd = (offset: number) => parts[parts.length - offset].trim();
  const middle = parts.slice(API_LEADING_COUNT, parts.length - API_TRAILING_COUNT);
  const channelIndex = channelIndexOf(middle);
  return {
    ok: true,
    values: {
      accountCode: parts[API_LEADING_FIELDS.accountcode].trim(),
      source: parts[API_LEADING_FIELDS.src].trim(),
      destination: parts[API_LEADING_FIELDS.dst].trim(),
      dialplanContext: parts[API_LEADING_FIELDS.dcontext].trim(),
      callerId: middle.slice(0, channelIndex).join(",").trim(),
      sourceChannel: middle[channelIndex].trim(),
      destinationChannel: middle[channelIndex + 1].trim(),
      start: fromEnd(API_TRAILING_FIELDS.start),
      answer: fromEnd(API_TRAILING_FIELDS.answer),
      end: fromEnd(API_TRAILING_FIELDS.end),
      durationText: fromEnd(API_TRAILING_FIELDS.duration),
      billsecText: fromEnd(API_TRAILING_FIELDS.billsec),
      disposition: fromEnd(API_TRAILING_FIELDS.disposition),
      uniqueId: fromEnd(API_TRAILING_FIELDS.uniqueid),
    },
  };
}

/**
 * The middle is clid…, channel, dstchannel, lastapp, lastdata…: channel is the first `TECH/…` field
 * followed two fields later by an application name. Unfound, clid is taken as one field, since
 * lastdata (Dial arguments) carries commas far more often than a caller name does.
 */
function channelIndexOf(middle: string[]): number {
  for (let index = 1; index <= middle.length - (MIDDLE_FIELD_COUNT - 1); index++) {
    if (CHANNEL.test(middle[index]) && APPLICATION.test(middle[index + 2])) return index;
  }
  return 1;
}
