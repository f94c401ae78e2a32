import { createPrisma } from "../../lib/db/client";
import { databaseConfig } from "../../lib/db/config";
import { reportBatches } from "../../lib/export/reader";
import { observationCells, reportCells, neutralizeCell } from "../../lib/csv/columns";
import Papa from "papaparse";
const db = createPrisma(databaseConfig("file:data/demo.db"));
let tRead = 0, tCells = 0, tCsv = 0, rows = 0, t = performance.now();
const it = reportBatches(db, { status: ["published"] });
for (let b = 0; b < 40; b++) {
  let s = performance.now();
  const next = await it.next(); if (next.done) break;
  tRead += performance.now() - s; s = performance.now();
  const batch = next.value.flatMap((r) => { const c = reportCells(r); return r.observations.map((o) => observationCells(c, o)); });
  tCells += performance.now() - s; s = performance.now();
  const out = Papa.unparse(batch.map((row) => row.map(neutralizeCell)), { newline: "\r\n" });
  tCsv += performance.now() - s; rows += batch.length;
}
console.log({ rows, total: (performance.now() - t).toFixed(0), read: tRead.toFixed(0), cells: tCells.toFixed(0), csv: tCsv.toFixed(0) });
await it.return(undefined);
