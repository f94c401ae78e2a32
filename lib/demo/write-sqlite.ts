// Writes the synthetic dataset straight into a SQLite file with prepared
// statements: a million observations take seconds this way, minutes through
// an ORM. The database must already be migrated.
import Database from "better-sqlite3";
import { observationFactsSql } from "../reports/facts";
import { demoOutlets, demoReports, demoSpeakers, type DemoOptions, type DemoReport } from "./generate";

export interface DemoResult {
  reports: number;
  observations: number;
  citations: number;
  milliseconds: number;
}

const timestamp = () => new Date().toISOString().replace("Z", "+00:00");

export function writeDemoToSqlite(filePath: string, options: DemoOptions, onProgress?: (done: number) => void): DemoResult {
  const started = Date.now();
  const db = new Database(filePath);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const maxId = (table: string) => (db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM "${table}"`).get() as { id: number }).id;
  const now = timestamp();

  const speakers = demoSpeakers(options);
  const outlets = demoOutlets(options);
  const speakerBase = maxId("Speaker");
  const outletBase = maxId("Outlet");

  const insertSpeaker = db.prepare(
    `INSERT INTO "Speaker" (id, name, role, organisation, countryCode, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOutlet = db.prepare(`INSERT INTO "Outlet" (id, name, kind, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
  const insertReport = db.prepare(
    `INSERT INTO "Report" (id, targetCountryCode, metric, periodStart, periodEnd, periodLabel, statedOn, notes, status, retractionReason, retractedAt, synthetic, version, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`,
  );
  const insertReportSpeaker = db.prepare(
    `INSERT INTO "ReportSpeaker" (reportId, speakerId, position, subject) VALUES (?, ?, ?, ?)`,
  );
  const insertCitation = db.prepare(
    `INSERT INTO "Citation" (id, reportId, outletId, kind, url, publishedOn, takenFromId, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertObservation = db.prepare(
    `INSERT INTO "Observation" (reportId, count, qualifier, periodStart, periodEnd, scopeType, scopeCountryCode, scopeRegionCode, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  db.transaction(() => {
    for (const s of speakers) insertSpeaker.run(speakerBase + s.id, s.name, s.role, s.organisation, s.countryCode, now, now);
    for (const o of outlets) insertOutlet.run(outletBase + o.id, o.name, o.kind, now, now);
  })();

  const reports = demoReports(options, {
    reportId: maxId("Report") + 1,
    citationId: maxId("Citation") + 1,
    speakers: speakers.length,
    outlets: outlets.length,
  });
  let count = 0;
  let observations = 0;
  let citations = 0;
  const BATCH = 5_000;
  const writeBatch = db.transaction((batch: DemoReport[]) => {
    for (const r of batch) {
      insertReport.run(r.id, r.targetCountryCode, r.metric, r.periodStart, r.periodEnd, r.periodLabel, r.statedOn, r.notes, r.status, r.retractionReason, r.status === "retracted" ? now : null, now, now);
      r.speakers.forEach((s, position) => insertReportSpeaker.run(r.id, speakerBase + s.speakerId, position, s.subject));
      r.citations.forEach((c, position) =>
        insertCitation.run(c.id, r.id, outletBase + c.outletId, c.kind, c.url, c.publishedOn, c.takenFromId, position),
      );
      r.observations.forEach((o, position) =>
        insertObservation.run(r.id, o.count, o.qualifier, o.periodStart, o.periodEnd, o.scopeType, o.scopeCountryCode, o.scopeRegionCode, position),
      );
      observations += r.observations.length;
      citations += r.citations.length;
    }
  });
  let batch: DemoReport[] = [];
  for (const report of reports) {
    batch.push(report);
    if (batch.length === BATCH) {
      writeBatch(batch);
      count += batch.length;
      batch = [];
      onProgress?.(count);
    }
  }
  if (batch.length) {
    writeBatch(batch);
    count += batch.length;
    onProgress?.(count);
  }
  // Report facts on the observations (lib/reports/facts.ts), in one statement for the whole load.
  db.prepare(observationFactsSql().sql).run();
  db.pragma("optimize");
  db.close();
  return { reports: count, observations, citations, milliseconds: Date.now() - started };
}
