import fs from "node:fs/promises";
import { getDMMF } from "@prisma/get-dmmf";
import type * as DMMF from "@prisma/dmmf";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// `prisma migrate diff` needs the native schema engine, which cannot be installed here. This test
// does its job: the database built by prisma/migrations must hold every model, field, enum,
// index and relation of prisma/schema.prisma, with compatible types, and nothing unknown to it.

type Column = { table: string; column: string; udt: string; nullable: boolean; hasDefault: boolean; charLength: number | null; precision: number | null; scale: number | null; datetimePrecision: number | null };
type Index = { table: string; name: string; columns: string[]; unique: boolean; primary: boolean };
type ForeignKey = { table: string; name: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string };

let db: TestDatabase;
let dmmf: DMMF.Document;
let columns: Column[];
let indexes: Index[];
let foreignKeys: ForeignKey[];
let enums: Map<string, string[]>;

beforeAll(async () => {
  db = await createTestDatabase();
  const schema = await fs.readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  const result = getDMMF({ datamodel: schema });
  if ("type" in result) throw result.error;
  dmmf = result as unknown as DMMF.Document;
  ({ columns, indexes, foreignKeys, enums } = await readCatalog(db));
});
afterAll(() => db.drop());

const tableOf = (model: DMMF.Model) => model.dbName ?? model.name;
const columnOf = (model: DMMF.Model, fieldName: string) => {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  return field?.dbName ?? fieldName;
};

test("every enum exists with the same values in the same order", () => {
  const problems = dmmf.datamodel.enums.flatMap((enumType) => {
    const name = enumType.dbName ?? enumType.name;
    const expected = enumType.values.map((value) => value.dbName ?? value.name);
    const actual = enums.get(name);
    return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`enum ${name}: database has ${JSON.stringify(actual)}, schema ${JSON.stringify(expected)}`];
  });
  expect(problems).toEqual([]);
});

test("every scalar field has a column of a compatible type, nullability and default", () => {
  const problems: string[] = [];
  for (const model of dmmf.datamodel.models) {
    for (const field of model.fields.filter((candidate) => candidate.kind !== "object")) {
      const table = tableOf(model);
      const column = columns.find((candidate) => candidate.table === table && candidate.column === (field.dbName ?? field.name));
      if (!column) {
        problems.push(`${table}.${field.dbName ?? field.name}: missing`);
        continue;
      }
      const typeProblem = checkType(field, column, dmmf.datamodel.enums);
      if (typeProblem) problems.push(`${table}.${column.column}: ${typeProblem}`);
      if (column.nullable === field.isRequired) problems.push(`${table}.${column.column}: nullable=${column.nullable}, schema isRequired=${field.isRequired}`);
      const needsDatabaseDefault = field.hasDefaultValue && !isClientSideDefault(field);
      if (needsDatabaseDefault !== column.hasDefault) problems.push(`${table}.${column.column}: database default ${column.hasDefault}, schema expects ${needsDatabaseDefault}`);
    }
  }
  expect(problems).toEqual([]);
});

test("no table or column exists that the schema does not know", () => {
  const known = new Set(dmmf.datamodel.models.flatMap((model) =>
    model.fields.filter((field) => field.kind !== "object").map((field) => `${tableOf(model)}.${field.dbName ?? field.name}`)));
  const unknown = columns.map((column) => `${column.table}.${column.column}`).filter((name) => !known.has(name));
  expect(unknown).toEqual([]);
});

const HAND_WRITTEN_INDEXES = ["audit_logs_setup_completed_once", "call_records_org_id_started_at_fraud_relevant_idx", "call_records_org_id_destination_country_started_at_fraud_idx", "call_records_org_id_destination_e164_fraud_idx"];

test("every primary key, unique constraint and index exists with Prisma's name and columns", () => {
  const problems: string[] = [];
  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((candidate) => candidate.name === index.model)!;
    const table = tableOf(model);
    const cols = index.fields.map((field) => columnOf(model, field.name));
    const expectedName = index.dbName ?? defaultIndexName(table, cols, index.type);
    const actual = indexes.find((candidate) => candidate.table === table && candidate.name === expectedName);
    if (!actual) {
      problems.push(`${table}: missing ${index.type} ${expectedName} (${cols.join(", ")})`);
      continue;
    }
    if (actual.columns.join(",") !== cols.join(",")) problems.push(`${expectedName}: columns ${actual.columns.join(",")}, schema ${cols.join(",")}`);
    if (actual.primary !== (index.type === "id")) problems.push(`${expectedName}: primary=${actual.primary}`);
    if (actual.unique !== (index.type !== "normal")) problems.push(`${expectedName}: unique=${actual.unique}`);
  }
  expect(problems).toEqual([]);
  // Partial indexes Prisma cannot express, written by hand in the migrations (each with its reason there).
  const handWritten = indexes.filter((index) => HAND_WRITTEN_INDEXES.includes(index.name)).length;
  expect(handWritten).toBe(HAND_WRITTEN_INDEXES.length);
  expect(indexes.length).toBe(dmmf.datamodel.indexes.length + handWritten);
});

test("every relation is a foreign key with the schema's columns and delete rule", () => {
  const problems: string[] = [];
  let relationCount = 0;
  for (const model of dmmf.datamodel.models) {
    for (const field of model.fields.filter((candidate) => candidate.kind === "object" && candidate.relationFromFields?.length)) {
      relationCount++;
      const table = tableOf(model);
      const target = dmmf.datamodel.models.find((candidate) => candidate.name === field.type)!;
      const cols = field.relationFromFields!.map((name) => columnOf(model, name));
      const refCols = field.relationToFields!.map((name) => columnOf(target, name));
      const name = `${table}_${cols.join("_")}_fkey`;
      const actual = foreignKeys.find((candidate) => candidate.table === table && candidate.name === name);
      if (!actual) {
        problems.push(`${table}: missing foreign key ${name}`);
        continue;
      }
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      if (actual.refTable !== tableOf(target) || actual.refColumns.join(",") !== refCols.join(",")) {
        problems.push(`${name}: references ${actual.refTable}(${actual.refColumns}), schema ${tableOf(target)}(${refCols})`);
      }
      if (actual.onDelete !== onDelete) problems.push(`${name}: ON DELETE ${actual.onDelete}, schema ${onDelete}`);
    }
  }
  expect(problems).toEqual([]);
  expect(foreignKeys.length).toBe(relationCount);
});

test("call_records is partitioned by range of started_at", async () => {
  const result = await db.pool.query<{ strategy: string; key: string }>(
    `SELECT p.partstrat AS strategy, pg_get_partkeydef(c.oid) AS key
       FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'call_records'`,
  );
  expect(result.rows).toEqual([{ strategy: "r", key: "RANGE (started_at)" }]);
});

function isClientSideDefault(field: DMMF.Field): boolean {
  if (field.isUpdatedAt) return true;
  const value = field.default;
  return typeof value === "object" && value !== null && "name" in value && ["uuid", "cuid", "nanoid", "ulid"].includes(value.name);
}

function defaultIndexName(table: string, cols: string[], type: string): string {
  if (type === "id") return `${table}_pkey`;
  return `${table}_${cols.join("_")}_${type === "unique" ? "key" : "idx"}`;
}

/** The PostgreSQL type Prisma would create for a field, compared with the catalog's. */
function checkType(field: DMMF.Field, column: Column, enumTypes: readonly DMMF.DatamodelEnum[]): string | null {
  const [nativeName, nativeArgs = []] = (field.nativeType ?? [null, []]) as [string | null, string[]];
  const expect = (elementUdt: string, extra: Partial<Column> = {}) => {
    const udt = field.isList ? `_${elementUdt}` : elementUdt; // PostgreSQL names an array type after its element: _text
    const mismatches = Object.entries({ udt, ...extra }).filter(([key, value]) => column[key as keyof Column] !== value);
    return mismatches.length === 0 ? null : `type ${column.udt}, schema ${field.type}${nativeName ? ` @db.${nativeName}(${nativeArgs})` : ""}`;
  };
  if (field.kind === "enum") {
    const enumType = enumTypes.find((candidate) => candidate.name === field.type);
    return expect(enumType?.dbName ?? field.type);
  }
  switch (field.type) {
    case "String":
      if (nativeName === "Uuid") return expect("uuid");
      if (nativeName === "Char") return expect("bpchar", { charLength: Number(nativeArgs[0]) });
      if (nativeName === "VarChar") return expect("varchar", { charLength: nativeArgs[0] ? Number(nativeArgs[0]) : null });
      return expect("text");
    case "Int": return expect("int4");
    case "BigInt": return expect("int8");
    case "Float": return expect("float8");
    case "Boolean": return expect("bool");
    case "Bytes": return expect("bytea");
    case "Json": return expect("jsonb");
    case "Decimal": return expect("numeric", { precision: Number(nativeArgs[0] ?? 65), scale: Number(nativeArgs[1] ?? 30) });
    case "DateTime":
      if (nativeName === "Date") return expect("date");
      if (nativeName === "Timestamptz") return expect("timestamptz", { datetimePrecision: Number(nativeArgs[0] ?? 6) });
      return expect("timestamp", { datetimePrecision: Number(nativeArgs[0] ?? 3) });
    default: return `unsupported type ${field.type}`;
  }
}

async function readCatalog(database: TestDatabase) {
  const columnRows = await database.pool.query<Column>(
    `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt, c.is_nullable = 'YES' AS nullable,
            c.column_default IS NOT NULL AS "hasDefault", c.character_maximum_length AS "charLength",
            c.numeric_precision AS precision, c.numeric_scale AS scale, c.datetime_precision AS "datetimePrecision"
       FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations' AND NOT t.relispartition`,
  );
  const indexRows = await database.pool.query<Index>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> '_prisma_migrations' AND NOT t.relispartition`,
  );
  const foreignKeyRows = await database.pool.query<ForeignKey & { action: string }>(
    `SELECT t.relname AS table, con.conname AS name, r.relname AS "refTable", con.confdeltype AS action,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "refColumns"
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
      WHERE con.contype = 'f' AND t.relnamespace = 'public'::regnamespace AND NOT t.relispartition AND con.conparentid = 0`,
  );
  const enumRows = await database.pool.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  const deleteRules: Record<string, string> = { c: "Cascade", n: "SetNull", r: "Restrict", a: "NoAction", d: "SetDefault" };
  return {
    columns: columnRows.rows,
    indexes: indexRows.rows,
    foreignKeys: foreignKeyRows.rows.map((row) => ({ ...row, onDelete: deleteRules[row.action] })),
    enums: new Map(enumRows.rows.map((row) => [row.name, row.values])),
  };
}
