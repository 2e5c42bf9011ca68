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
    this.buffer.writeInt16BE(fields, this.length);
    this.length += 2;
    this.tuples++;
  }

  null(): void {
    this.ensure(4);
    this.buffer.writeInt32BE(-1, this.length);
    this.length += 4;
  }

  int32(value: number): void {
    if ((value | 0) !== value) throw new RangeError(`Not a 32-bit integer: ${value}`);
    this.ensure(8);
    this.buffer.writeInt32BE(4, this.length);
    this.buffer.writeInt32BE(value, this.length + 4);
    this.length += 8;
  }

  boolean(value: boolean): void {
    this.ensure(5);
    this.buffer.writeInt32BE(1, this.length);
    this.buffer[this.length + 4] = value ? 1 : 0;
    this.length += 5;
  }

  /** timestamptz from epoch milliseconds (whole milliseconds). */
  timestamp(epochMs: number): void {
    const micros = (epochMs - POSTGRES_EPOCH_MS) * 1000;
    if (!Number.isSafeInteger(micros)) throw new RangeError(`Not an instant: ${epochMs}`);
    const high = Math.floor(micros / TWO_TO_32);
    this.ensure(12);
    this.buffer.writeInt32BE(8, this.length);
    this.buffer.writeInt32BE(high, this.length + 4);
    this.buffer.writeUInt32BE(micros - high * TWO_TO_32, this.length + 8);
    this.length += 12;
  }

  nullableTimestamp(epochMs: number | null): void {
    if (epochMs === null) this.null();
    else this.timestamp(epochMs);
  }

  /** text, varchar, char(n) and enum labels: UTF-8. Callers keep NUL out (PostgreSQL text cannot hold it). */
  text(value: string): void {
    const { length } = value;
    this.ensure(4 + length * 3);
    const start = this.length + 4;
    let at = start;
    // Most values are short and ASCII: copied byte by byte, which beats a call into the encoder.
    let index = 0;
    for (; index < length; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) break;
      this.buffer[at++] = code;
    }
    if (index < length) at += this.buffer.write(value.slice(index), at, "utf8");
    this.buffer.writeInt32BE(at - start, this.length);
    this.length = at;
  }

  nullableText(value: string | null): void {
    if (value === null) this.null();
    else this.text(value);
  }

  /** bytea from hexadecimal digits. */
  hexBytes(hex: string): void {
    this.ensure(4 + hex.length / 2);
    const written = this.buffer.write(hex, this.length + 4, "hex");
    if (written * 2 !== hex.length) throw new RangeError(`Not hexadecimal: ${hex}`);
    this.buffer.writeInt32BE(written, this.length);
    this.length += 4 + written;
  }

  /** Raw bytes as they are (uuid: its 16 bytes). */
  bytes(value: Buffer): void {
    this.ensure(4 + value.length);
    this.buffer.writeInt32BE(value.length, this.length);
    value.copy(this.buffer, this.length + 4);
    this.length += 4 + value.length;
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

  private ensure(bytes: number): void {
    // Two bytes more keep room for the trailer.
    const needed = this.length + bytes + 2;
    if (needed <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/** A uuid's 16 bytes, for BinaryCopyBuffer.bytes. */
export function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`Not a uuid: ${uuid}`);
  return Buffer.from(hex, "hex");
}
