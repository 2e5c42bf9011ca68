import { FIELDS_BEFORE_START_STAMP, FIELDS_FROM_START_STAMP, FROM_START_STAMP } from "./columns";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE_ROW_FIELDS = FIELDS_BEFORE_START_STAMP + FIELDS_FROM_START_STAMP.example;
const DEFAULT_ROW_FIELDS = FIELDS_BEFORE_START_STAMP + FIELDS_FROM_START_STAMP.default;

/**
 * Index of start_stamp in a row, or -1. Where the uuid sits tells the example template from the
 * default/sql ones, whatever a spilled caller_id_name added in front; a uuid set by hand
 * (origination_uuid) is not a UUID, so then an exact 13 or 15 fields is trusted unless `requireUuid`.
 */
export function locateStartStamp(fields: string[], requireUuid: boolean): number {
  const count = fields.length;
  const exampleStart = count - FIELDS_FROM_START_STAMP.example;
  if (count >= EXAMPLE_ROW_FIELDS && UUID.test(fields[exampleStart + FROM_START_STAMP.uuid])) return exampleStart;
  const defaultStart = count - FIELDS_FROM_START_STAMP.default;
  if (count >= DEFAULT_ROW_FIELDS && UUID.test(fields[defaultStart + FROM_START_STAMP.uuid])) return defaultStart;
  if (requireUuid) return -1;
  return count === EXAMPLE_ROW_FIELDS || count === DEFAULT_ROW_FIELDS ? FIELDS_BEFORE_START_STAMP : -1;
}
