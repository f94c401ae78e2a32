import { databaseConfig } from "../../lib/db/config";
import { createPrisma } from "../../lib/db/client";
import { loadChart } from "../../lib/dashboard/load";
import { parseDashboardQuery } from "../../lib/dashboard/filters";
const db = createPrisma(databaseConfig(process.argv[2]));
const q = parseDashboardQuery(Object.fromEntries(new URLSearchParams(process.argv[4] ?? "")));
console.log("problems", q.problems);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await loadChart(db, q.filters, (process.argv[3] ?? "timeline") as never);
  const ms = performance.now() - t;
  const d: any = r.chart.data;
  console.log(ms.toFixed(0), "ms", "bucket", d.bucket, "marks", d.marks?.length, "rows", d.rows?.length, "hidden", d.hiddenRows ?? d.hiddenSeries, "sources", r.sources.entries.length, "+", r.sources.more, r.sources.lastUpdated);
  if (i === 0) console.log(JSON.stringify(d.marks?.slice(0, 2) ?? d.rows?.slice(0, 3)), JSON.stringify(r.sources.entries[0]));
}
