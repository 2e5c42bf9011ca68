// Reads PostgreSQL binary COPY data back into tuples of raw field bytes (null for SQL NULL), so
// tests can check what the loader sends without a server.

export function readBinaryCopy(data: Buffer): (Buffer | null)[][] {
  const signature = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
  if (!data.subarray(0, signature.length).equals(signature)) throw new Error("Not binary COPY data: no signature.");
  let at = signature.length + 4;
  at += 4 + data.readInt32BE(at);
  const tuples: (Buffer | null)[][] = [];
  for (;;) {
    const fields = data.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    const tuple: (Buffer | null)[] = [];
    for (let field = 0; field < fields; field++) {
      const length = data.readInt32BE(at);
      at += 4;
      tuple.push(length === -1 ? null : data.subarray(at, at + length));
      if (length > 0) at += length;
    }
    tuples.push(tuple);
  }
  if (at !== data.length) throw new Error(`Binary COPY data runs on after its trailer (${data.length - at} bytes).`);
  return tuples;
}
