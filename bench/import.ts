// Import throughput: the size's full export, turned into new reports (no ids),
// imported through the API into a fresh database by a separate server, whose
// peak memory is read meanwhile.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse";
import { CSV_COLUMNS } from "../lib/csv/columns";
import { csvRecord } from "../lib/csv/write";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { startApp, type RunningApp } from "./server";
import { resetPeakRss, round, rss, timed } from "./stats";

export interface ImportResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  mib: number;
  peakRssMiB: number | null;
}

const column = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);

/** The export of `source`, rewritten as new reports for another database; at most `limit` rows, whole reports only. */
async function importFile(source: RunningApp, file: string, limit: number): Promise<number> {
  const controller = new AbortController();
  const response = await fetch(`${source.url}/api/v1/export/reports.csv?rows=full`, { signal: controller.signal });
  const { Readable } = await import("node:stream");
  const out = fs.createWriteStream(file);
  let rows = 0;
  let lastReport = "";
  const body = Readable.fromWeb(response.body as never);
  body.on("error", () => undefined); // the abort below, once enough rows are read
  const records = body.pipe(parse({ bom: true }));
  for await (const record of records as AsyncIterable<string[]>) {
    const row = record.map((cell) => (cell.startsWith("'") && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell));
    if (row[0] === "report_id") {
      out.write(csvRecord(row));
      continue;
    }
    if (rows >= limit && row[column("report_id")] !== lastReport) break;
    lastReport = row[column("report_id")];
    row[column("report_id")] = "";
    row[column("report_version")] = "";
    row[column("period_event_id")] = "";
    row[column("speakers_json")] = JSON.stringify(JSON.parse(row[column("speakers_json")]).map(({ id: _id, ...speaker }: { id: number }) => speaker));
    row[column("citations_json")] = JSON.stringify(
      JSON.parse(row[column("citations_json")]).map(({ outlet: { id: _id, ...outlet }, ...citation }: { outlet: { id: number } }) => ({ ...citation, outlet })),
    );
    out.write(csvRecord(row));
    rows++;
  }
  // Close the download too when the limit cut it short: a server asked to stop waits for open responses.
  controller.abort();
  records.destroy();
  body.destroy();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return rows;
}

export async function benchImport(source: RunningApp, _file: string, limit: number): Promise<ImportResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-bench-import-"));
  try {
    const csv = path.join(dir, "import.csv");
    const rows = await importFile(source, csv, limit);
    const database = `file:${path.join(dir, "target.db")}`;
    await prepareDatabase(databaseConfig(database), { seed: false });
    execFileSync(process.execPath, ["--import", "tsx", "scripts/accounts.ts", "user:create", "--email", "bench@example.org", "--role", "admin"], {
      env: { ...process.env, DATABASE_URL: database, USER_PASSWORD: "a bench password, long enough" },
      stdio: "ignore",
    });
    const token = execFileSync(process.execPath, ["--import", "tsx", "scripts/accounts.ts", "token:create", "--email", "bench@example.org", "--name", "bench"], {
      env: { ...process.env, DATABASE_URL: database },
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .at(-1)!;
    const target = await startApp(database);
    try {
      const canMeasure = resetPeakRss(target.pid);
      const bytes = fs.statSync(csv).size;
      const { ms, value } = await timed(async () => {
        const response = await fetch(`${target.url}/api/v1/import?dryRun=false`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "content-length": String(bytes) },
          body: fs.createReadStream(csv) as never,
          duplex: "half",
        } as RequestInit);
        return { status: response.status, body: (await response.json()) as { committed?: boolean; errors?: unknown[] } };
      });
      if (value.status !== 200 || !value.body.committed) throw new Error(`import answered ${value.status}: ${JSON.stringify(value.body).slice(0, 500)}`);
      return {
        rows,
        seconds: round(ms / 1000, 2)!,
        rowsPerSecond: Math.round(rows / (ms / 1000)),
        mib: round(bytes / 1_048_576)!,
        peakRssMiB: canMeasure ? round(rss(target.pid).peakMiB) : null,
      };
    } finally {
      await target.stop();
    }
  } finally {
    if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}
