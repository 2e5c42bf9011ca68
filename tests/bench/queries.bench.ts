import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CallsFilterSchema, type CallsFilter } from "@/lib/calls/calls-filter.schema";
import type { Database, OrgContext } from "@/lib/db/org-context";
import { runDetection } from "@/lib/detection/run-detection";
import { addMonths, type MonthKey } from "@/lib/format/month";
import { callsFilterCondition, loadIncidentWindows } from "@/lib/queries/calls-filter-sql";
import { getCallsPage } from "@/lib/queries/calls-page";
import { getDayPage } from "@/lib/queries/day-page";
import { getMonthOverview, getOpenIncidentsWithReason } from "@/lib/queries/overview-month";
import { getCallsPerDay, getFlaggedDays, getLatestMonthWithCalls } from "@/lib/queries/overview-page";
import { ensureMonthPartitions } from "@/lib/storage/ensure-month-partitions";
import { refreshRollups } from "@/lib/storage/refresh-rollups";
import { createOrg } from "@/prisma/seed/create-org";
import { openBenchDatabase } from "@/tests/bench/bench-database";

// npm run bench:queries [-- --calls 10000000 --repeat 30]: the dashboard's server-side data loading
// at scale. Three organizations share `calls` calls over twelve months (office hours, mostly
// domestic, a few international destinations), each with the seed's four-day Sierra Leone flood
// in its eleventh month; rows are generated in SQL (the pipeline's own speed is bench:ingest's
// business), rolled up and run through detection like an import. Then each page's loading is timed
// as the page does it — overview, the flood's first day, a filtered calls page of 100 rows and the
// page after it — repeated, with p50/p95 beside the targets, and the plans of the main queries.

const { values } = parseArgs({ options: { calls: { type: "string", default: "10000000" }, repeat: { type: "string", default: "30" } } });
const TOTAL_CALLS = Number(values.calls);
const REPEAT = Number(values.repeat);
const ORGS = 3;
const FIRST_MONTH: MonthKey = "2025-12";
const MONTHS = 12;
const FLOOD_MONTH = addMonths(FIRST_MONTH, 10);
const FLOOD_DAY = `${FLOOD_MONTH}-14`;
const TARGETS_MS = { overview: 150, day: 300, calls: 200 } as const;

const work = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-bench-queries-"));
await fs.chmod(work, 0o755);
const bench = await openBenchDatabase(work, "bench_queries");
const db = bench.db;
try {
  const started = performance.now();
  const orgs: OrgContext[] = [];
  for (let index = 0; index < ORGS; index++) {
    const ctx = await createOrg(db, { name: `Benchmark org ${index + 1}`, timeZone: "Asia/Tokyo", countryCode: "JP" });
    await generateCalls(db, ctx, Math.floor(TOTAL_CALLS / ORGS), index);
    orgs.push(ctx);
    process.stderr.write(`org ${index + 1}: calls generated, rolled up and detected (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  await db.pool.query("VACUUM ANALYZE");
  const counts = await db.pool.query<{ calls: string; incidents: string }>(`SELECT (SELECT count(*) FROM call_records) AS calls, (SELECT count(*) FROM incidents) AS incidents`);
  console.log(`\nbench:queries — ${Number(counts.rows[0].calls).toLocaleString("en")} calls in ${ORGS} organizations over ${MONTHS} months, ${counts.rows[0].incidents} incidents; setup ${((performance.now() - started) / 1000).toFixed(0)} s; ${REPEAT} loads each\n`);

  const ctx = orgs[1];
  const filter = (input: Record<string, string>): CallsFilter => CallsFilterSchema.parse(input);
  const callsFilter = filter({ country: "SL", disposition: "answered" });
  const firstPage = await getCallsPage(ctx, callsFilter);
  const pages: [string, keyof typeof TARGETS_MS, () => Promise<unknown>][] = [
    ["overview (month of the flood)", "overview", () => loadOverview(ctx, FLOOD_MONTH)],
    ["overview (latest month)", "overview", async () => loadOverview(ctx, (await getLatestMonthWithCalls(ctx))!)],
    [`flagged day ${FLOOD_DAY}`, "day", () => Promise.all([getDayPage(ctx, FLOOD_DAY), getFlaggedDays(ctx, FLOOD_MONTH)])],
    ["calls: destination SL, answered, newest first", "calls", () => getCallsPage(ctx, callsFilter)],
    ["calls: the same, page 2", "calls", () => getCallsPage(ctx, { ...callsFilter, after: firstPage.next ?? undefined })],
    ["calls: one month, outbound, 30–60 s, oldest first", "calls", () => getCallsPage(ctx, filter({ from: `${FLOOD_MONTH}-01`, to: `${FLOOD_MONTH}-30`, direction: "outbound", minSeconds: "30", maxSeconds: "60", sort: "oldest" }))],
    ["calls: number prefix +1, newest first", "calls", () => getCallsPage(ctx, filter({ number: "+1" }))],
    ["calls: flagged only", "calls", () => getCallsPage(ctx, filter({ flagged: "1" }))],
    ["calls: no filter, newest first", "calls", () => getCallsPage(ctx, filter({}))],
  ];
  console.log(`${"page".padEnd(52)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"target".padStart(8)}  p95/target`);
  let missed = 0;
  for (const [label, kind, load] of pages) {
    await load();
    const times: number[] = [];
    for (let run = 0; run < REPEAT; run++) {
      const at = performance.now();
      await load();
      times.push(performance.now() - at);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)];
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
    const ratio = p95 / TARGETS_MS[kind];
    if (ratio > 1) missed++;
    console.log(`${label.padEnd(52)} ${`${p50.toFixed(0)} ms`.padStart(8)} ${`${p95.toFixed(0)} ms`.padStart(8)} ${`${TARGETS_MS[kind]} ms`.padStart(8)}  ${ratio.toFixed(2)} ${ratio <= 1 ? "OK" : "MISSED"}`);
  }
  console.log(`\n${missed === 0 ? "All pages within their targets." : `${missed} page load(s) above target.`}\n`);
  await printPlans(db, ctx);
} finally {
  await bench.close();
  await fs.rm(work, { recursive: true, force: true });
}

/** What the overview page loads, as the page loads it. */
function loadOverview(ctx: OrgContext, month: MonthKey) {
  return Promise.all([getFlaggedDays(ctx, month), getCallsPerDay(ctx, month), getMonthOverview(ctx, month), getOpenIncidentsWithReason(ctx)]);
}

/**
 * `count` calls of an office-hours business over the twelve months (Tokyo time), 4 % of outbound
 * international to five countries, then the flood: ~3,500 calls a day to Sierra Leone for four days,
 * round the clock, 30–32 s each. Inserted month by month, rolled up, detected.
 */
async function generateCalls(db: Database, ctx: OrgContext, count: number, seed: number): Promise<void> {
  const upload = await db.prisma.upload.create({ data: { orgId: ctx.org.id, fileName: "generated.csv", status: "completed", format: "generated", encoding: "utf-8" }, select: { id: true } });
  const months = Array.from({ length: MONTHS + 1 }, (_, index) => new Date(`${addMonths(FIRST_MONTH, index - 1)}-01T00:00:00Z`));
  await ensureMonthPartitions(db.pool, months);
  const perMonth = Math.ceil(count / MONTHS);
  for (let month = 0; month < MONTHS; month++) {
    await db.pool.query(
      `INSERT INTO call_records (org_id, upload_id, row_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds, direction, disposition,
                                 source_raw, source_e164, destination_raw, destination_e164, destination_country, destination_number_type, fingerprint, is_fraud_relevant)
       SELECT $1::uuid, $2::uuid, n, started, started + interval '5 seconds', started + make_interval(secs => 5 + billable), 5 + billable, billable, direction, disposition,
              source, NULL, destination, e164, country, number_type::number_type, substring(decode(md5($1::uuid::text || n::text || $6::text), 'hex') FROM 1 FOR 16), is_relevant
         FROM (
           SELECT n, started, direction::call_direction, disposition::call_disposition, billable, source, destination, e164, country, number_type,
                  (country <> 'JP') AS is_relevant
             FROM (
               SELECT n,
                      ((date_trunc('month', $3::timestamp) + (floor(random() * extract(day FROM date_trunc('month', $3::timestamp) + interval '1 month' - interval '1 day'))) * interval '1 day'
                        + interval '8 hours' + random() * interval '10 hours') AT TIME ZONE 'Asia/Tokyo') AS started,
                      CASE WHEN r1 < 0.15 THEN 'inbound' ELSE 'outbound' END AS direction,
                      CASE WHEN r2 < 0.8 THEN 'answered' WHEN r2 < 0.92 THEN 'no_answer' ELSE 'busy' END AS disposition,
                      CASE WHEN r2 < 0.8 THEN 10 + floor(random() * 600)::int ELSE 0 END AS billable,
                      (200 + floor(random() * 60)::int)::text AS source,
                      CASE WHEN r1 >= 0.15 AND r3 < 0.04 THEN '010' || cc || lpad(floor(random() * 1e9)::bigint::text, 9, '0') ELSE '03' || lpad(floor(random() * 1e8)::bigint::text, 8, '0') END AS destination,
                      CASE WHEN r1 >= 0.15 AND r3 < 0.04 THEN '+' || cc || lpad(floor(random() * 1e9)::bigint::text, 9, '0') ELSE '+813' || lpad(floor(random() * 1e8)::bigint::text, 8, '0') END AS e164,
                      CASE WHEN r1 >= 0.15 AND r3 < 0.04 THEN country_code ELSE 'JP' END AS country,
                      'fixed_line' AS number_type
                 FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3, (ARRAY['1', '86', '82', '44', '66'])[1 + (n % 5)] AS cc,
                              (ARRAY['US', 'CN', 'KR', 'GB', 'TH'])[1 + (n % 5)] AS country_code
                         FROM generate_series($4::int, $5::int) AS n) AS random_rows
             ) AS calls
         ) AS rows`,
      [ctx.org.id, upload.id, `${addMonths(FIRST_MONTH, month)}-01`, month * perMonth + 1, Math.min(count, (month + 1) * perMonth), seed],
    );
  }
  // The flood: four days from 02:30 on the 14th of the eleventh month, six lines, a call every ~100 s on each.
  await db.pool.query(
    `INSERT INTO call_records (org_id, upload_id, row_number, started_at, answered_at, ended_at, duration_seconds, billable_seconds, direction, disposition,
                               source_raw, destination_raw, destination_e164, destination_country, destination_number_type, fingerprint, is_fraud_relevant)
     SELECT $1::uuid, $2::uuid, 100000000 + n, started, started + interval '3 seconds', started + interval '34 seconds', 34, 30 + (n % 3), 'outbound', 'answered',
            '201', '01023276' || lpad((123450 + n % 5)::text, 6, '0'), '+23276' || lpad((123450 + n % 5)::text, 6, '0'), 'SL', 'mobile', substring(decode(md5('flood' || $1::uuid::text || n::text), 'hex') FROM 1 FOR 16), true
       FROM (SELECT n, ($3::timestamp AT TIME ZONE 'Asia/Tokyo') + interval '150 minutes' + (n * interval '17 seconds') AS started FROM generate_series(1, 19000) AS n) AS flood`,
    [ctx.org.id, upload.id, FLOOD_DAY],
  );
  const days = await db.pool.query<{ day: string }>(
    `SELECT DISTINCT to_char((started_at AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD') AS day FROM call_records WHERE org_id = $1 ORDER BY 1`,
    [ctx.org.id],
  );
  const allDays = days.rows.map((row) => row.day);
  for (let index = 0; index < allDays.length; index += 31) {
    const client = await db.pool.connect();
    try {
      await client.query("BEGIN");
      await refreshRollups(client, { orgId: ctx.org.id, timeZone: ctx.org.timeZone, localDays: allDays.slice(index, index + 31) });
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  }
  await db.pool.query("ANALYZE");
  await runDetection(ctx);
}

/** EXPLAIN ANALYZE of the queries the targets depend on, with the SQL the pages run. */
async function printPlans(db: Database, ctx: OrgContext): Promise<void> {
  const sl = callsFilterCondition(CallsFilterSchema.parse({ country: "SL", disposition: "answered" }), ctx.org);
  const flagged = callsFilterCondition(CallsFilterSchema.parse({ flagged: "1" }), ctx.org, 1, await loadIncidentWindows(ctx));
  const plans: [string, string, unknown[]][] = [
    ["overview: two months of daily rollups", `SELECT day, direction, destination_country, calls, billable_seconds, estimated_cost FROM daily_stats WHERE org_id = $1 AND day >= $2::date AND day < $3::date`, [ctx.org.id, `${addMonths(FLOOD_MONTH, -1)}-01`, `${addMonths(FLOOD_MONTH, 1)}-01`]],
    ["flagged day: its calls per hour by country", `SELECT extract(hour FROM hour_start AT TIME ZONE $3)::int AS hour, destination_country, sum(calls) FROM hourly_stats WHERE org_id = $1 AND hour_start >= ($2::date)::timestamp AT TIME ZONE $3 AND hour_start < ($2::date + 1)::timestamp AT TIME ZONE $3 AND direction = 'outbound' GROUP BY 1, 2`, [ctx.org.id, FLOOD_DAY, ctx.org.timeZone]],
    ["calls page: SL, answered, newest first", `SELECT c.started_at, c.fingerprint FROM call_records c WHERE ${sl.sql} ORDER BY c.started_at DESC, c.fingerprint DESC LIMIT 101`, sl.params],
    ["calls page: its capped count", `SELECT count(*) FROM (SELECT 1 FROM call_records c WHERE ${sl.sql} ORDER BY c.started_at DESC LIMIT 10001) capped`, sl.params],
    ["calls page: flagged only", `SELECT c.started_at, c.fingerprint FROM call_records c WHERE ${flagged.sql} ORDER BY c.started_at DESC, c.fingerprint DESC LIMIT 101`, flagged.params],
  ];
  for (const [label, sql, params] of plans) {
    const plan = await db.pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${sql}`, params);
    console.log(`--- plan: ${label}\n${plan.rows.map((row) => `    ${row["QUERY PLAN"]}`).join("\n")}\n`);
  }
}
