// PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4),
// written straight into a reused buffer: the server stores binary values without parsing text,
// and the loader spends no time formatting numbers and instants or escaping delimiters.
//
// A buffer holds one COPY's data: the signature header, tuples, and (once finished) the trailer.
// Each tuple is its field count, then per field a 32-bit length (-1 for null) and the value in the
// type's binary (send/recv) form.

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_BYTES = SIGNATURE.length + 8; // flags and header extension length, both zero
const INITIAL_BYTES = 4 * 1024 * 1024;
/** Microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01 (UTC). */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 4_294_967_296;
const NUMERIC_NEGATIVE = 0x4000;
/** Decimal digits per base-10000 digit of PostgreSQL's numeric. */
const NUMERIC_GROUP = 4;
/** Longer text is handed to the UTF-8 encoder, whose call costs less than copying it character by character. */
const SHORT_TEXT = 64;
/** Character code → its value as a hexadecimal digit, -1 for other characters. */
const HEX_VALUE = Int8Array.from({ length: 128 }, (_, code) => "0123456789abcdef".indexOf(String.fromCharCode(code).toLowerCase()));

export class BinaryCopyBuffer {
  private buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  private length = 0;
  /** Tuples written since the last clear. */
  tuples = 0;

  constructor() {
    this.clear();
  }

  /** Starts over: the header only (the bytes of a finished view are overwritten from here on). */
  clear(): void {
    SIGNATURE.copy(this.buffer, 0);
    this.buffer.fill(0, SIGNATURE.length, HEADER_BYTES);
    this.length = HEADER_BYTES;
    this.tuples = 0;
  }

  /** The whole COPY data, trailer included; valid until the next clear. */
  finish(): Buffer {
    this.ensure(2);
    this.buffer.writeInt16BE(-1, this.length);
    return this.buffer.subarray(0, this.length + 2);
  }

  startTuple(fields: number): void {
    this.ensure(2);
    this.putInt16(fields);
    this.tuples++;
  }

  /** A tuple whose first bytes (its field count and leading fields) are always the same. */
  startTupleWith(start: Uint8Array): void {
    this.raw(start);
    this.tuples++;
  }

  null(): void {
    this.ensure(4);
    this.putInt32(-1);
  }

  int32(value: number): void {
    if ((value | 0) !== value) throw new RangeError(`Not a 32-bit integer: ${value}`);
    this.ensure(8);
    this.putInt32(4);
    this.putInt32(value);
  }

  boolean(value: boolean): void {
    this.ensure(5);
    this.putInt32(1);
    this.buffer[this.length++] = value ? 1 : 0;
  }

  /** timestamptz from epoch milliseconds (whole milliseconds). */
  timestamp(epochMs: number): void {
    const micros = (epochMs - POSTGRES_EPOCH_MS) * 1000;
    if (!Number.isSafeInteger(micros)) throw new RangeError(`Not an instant: ${epochMs}`);
    const high = Math.floor(micros / TWO_TO_32);
    this.ensure(12);
    this.putInt32(8);
    this.putInt32(high);
    this.putInt32(micros - high * TWO_TO_32);
  }

  nullableTimestamp(epochMs: number | null): void {
    if (epochMs === null) this.null();
    else this.timestamp(epochMs);
  }

  /** text, varchar, char(n) and enum labels: UTF-8. Callers keep NUL out (PostgreSQL text cannot hold it). */
  text(value: string): void {
    const { length } = value;
    this.ensure(4 + length * 3);
    const buffer = this.buffer;
    const start = this.length + 4;
    let at = start;
    if (length > SHORT_TEXT) {
      at += buffer.write(value, at, "utf8");
    } else {
      // Most values are short and ASCII: copied byte by byte, which beats a call into the encoder.
      let index = 0;
      for (; index < length; index++) {
        const code = value.charCodeAt(index);
        if (code >= 0x80) break;
        buffer[at++] = code;
      }
      if (index < length) at += buffer.write(value.slice(index), at, "utf8");
    }
    this.putInt32(at - start);
    this.length = at;
  }

  nullableText(value: string | null): void {
    if (value === null) this.null();
    else this.text(value);
  }

  /** bytea from hexadecimal digits. */
  hexBytes(hex: string): void {
    const bytes = hex.length >> 1;
    this.ensure(4 + bytes);
    const buffer = this.buffer;
    this.putInt32(bytes);
    let at = this.length;
    for (let index = 0; index < hex.length; index += 2) {
      const high = HEX_VALUE[hex.charCodeAt(index)];
      const low = HEX_VALUE[hex.charCodeAt(index + 1)];
      if (high === undefined || low === undefined || high < 0 || low < 0) throw new RangeError(`Not hexadecimal: ${hex}`);
      buffer[at++] = (high << 4) | low;
    }
    this.length = at;
  }

  /** Raw bytes as they are (uuid: its 16 bytes). */
  bytes(value: Uint8Array): void {
    this.ensure(4 + value.length);
    this.putInt32(value.length);
    this.raw(value);
  }

  /** Bytes written as they are, with no length before them: a tuple's fixed start (lib/storage/call-record-columns.ts). */
  raw(value: Uint8Array): void {
    this.ensure(value.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let index = 0; index < value.length; index++) buffer[at++] = value[index];
    this.length = at;
  }

  /**
   * numeric from a decimal string ("-12.5", "1234"): base-10000 digits, their weight, sign and
   * display scale. The column's precision and scale are applied by the server, as for text.
   */
  numeric(decimal: string): void {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
    if (!match) throw new RangeError(`Not a decimal: ${decimal}`);
    const [, minus, whole, fraction = ""] = match;
    const wholeDigits = whole.replace(/^0+/, "");
    const paddedWhole = wholeDigits.padStart(Math.ceil(wholeDigits.length / NUMERIC_GROUP) * NUMERIC_GROUP, "0");
    const paddedFraction = fraction.padEnd(Math.ceil(fraction.length / NUMERIC_GROUP) * NUMERIC_GROUP, "0");
    const groups: number[] = [];
    for (let at = 0; at < paddedWhole.length; at += NUMERIC_GROUP) groups.push(Number(paddedWhole.slice(at, at + NUMERIC_GROUP)));
    for (let at = 0; at < paddedFraction.length; at += NUMERIC_GROUP) groups.push(Number(paddedFraction.slice(at, at + NUMERIC_GROUP)));
    let weight = paddedWhole.length / NUMERIC_GROUP - 1;
    while (groups.length > 0 && groups[0] === 0) {
      groups.shift();
      weight--;
    }
    while (groups.length > 0 && groups[groups.length - 1] === 0) groups.pop();
    const isZero = groups.length === 0;
    const bytes = 8 + groups.length * 2;
    this.ensure(4 + bytes);
    let at = this.length;
    this.buffer.writeInt32BE(bytes, at);
    this.buffer.writeInt16BE(groups.length, at + 4);
    this.buffer.writeInt16BE(isZero ? 0 : weight, at + 6);
    this.buffer.writeUInt16BE(minus && !isZero ? NUMERIC_NEGATIVE : 0, at + 8);
    this.buffer.writeInt16BE(fraction.length, at + 10);
    at += 12;
    for (const group of groups) {
      this.buffer.writeInt16BE(group, at);
      at += 2;
    }
    this.length = at;
  }

  /** A big-endian 32-bit integer (negative ones as two's complement) at the end; room ensured by the caller. */
  private putInt32(value: number): void {
    const buffer = this.buffer;
    const at = this.length;
    buffer[at] = value >>> 24;
    buffer[at + 1] = value >>> 16;
    buffer[at + 2] = value >>> 8;
    buffer[at + 3] = value;
    this.length = at + 4;
  }

  private putInt16(value: number): void {
    const buffer = this.buffer;
    const at = this.length;
    buffer[at] = value >>> 8;
    buffer[at + 1] = value;
    this.length = at + 2;
  }

  private ensure(bytes: number): void {
    // Two bytes more keep room for the trailer.
    const needed = this.length + bytes + 2;
    if (needed <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/** The fixed start of tuples of `fields` fields whose first ones are these binary values (uuids' 16 bytes). */
export function tupleStart(fields: number, leading: readonly Uint8Array[]): Uint8Array {
  const start = new BinaryCopyBuffer();
  start.startTuple(fields);
  for (const value of leading) start.bytes(value);
  return Uint8Array.from(start.finish().subarray(HEADER_BYTES, -2));
}

/** A uuid's 16 bytes, for BinaryCopyBuffer.bytes. */
export function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`Not a uuid: ${uuid}`);
  return Buffer.from(hex, "hex");
}
