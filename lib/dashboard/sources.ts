// The sources panel beside every chart: the reports the chart draws, numbered
// in the order the chart uses them, each with who said it and where it was
// published. The numbers appear in the chart's tooltips.
import { formatQualified } from "../format";
import type { Qualifier } from "../domain";
import { reportsById } from "../reports/batch";
import { citationChains, speakerDescription, speakerName } from "../reports/provenance";
import { CITATION_KINDS, SPEAKER_SUBJECTS } from "../domain";
import type { Db } from "./common";
import { Prisma } from "../generated/sqlite/client";
import type { ChartSource, SourcesPanelData } from "./types";

/** Reports listed in full beside a chart; the CSV carries the rest. */
export const PANEL_LENGTH = 50;

const QUOTE_LENGTH = 220;

function shortQuote(text: string | null): string | null {
  if (!text) return null;
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : text;
}

/** The latest change to any of these reports: when the data a chart shows last changed. */
async function lastUpdated(db: Db, reportIds: readonly number[]): Promise<string | null> {
  let last: number | null = null;
  for (let i = 0; i < reportIds.length; i += 500) {
    const [row] = await db.$queryRaw<Array<{ last: string | Date | null }>>`
      SELECT MAX(r."updatedAt") AS last FROM "Report" r WHERE r."id" IN (${Prisma.join(reportIds.slice(i, i + 500))})`;
    if (row?.last) last = Math.max(last ?? 0, new Date(row.last).getTime());
  }
  return last === null ? null : new Date(last).toISOString();
}

/** `headlineNote`: under a source filter, what each report's headline is ("total of all sources, in reports that name …"). */
export async function sourcesPanel(db: Db, reportIds: readonly number[], headlineNote: string | null = null): Promise<SourcesPanelData> {
  const listed = reportIds.slice(0, PANEL_LENGTH);
  const byId = new Map((await reportsById(db, listed)).map((report) => [report.id, report]));
  const entries: ChartSource[] = [];
  for (const id of listed) {
    const report = byId.get(id);
    if (!report) continue;
    const headline = report.observations.find((o) => o.scope.type === "all" && o.count !== null);
    const chain = citationChains(report.citations)[0] ?? [];
    entries.push({
      number: entries.length + 1,
      reportId: report.id,
      targetCountry: report.targetCountry,
      metric: report.metric,
      status: report.status,
      synthetic: report.synthetic,
      statedOn: report.statedOn,
      headline: headline ? formatQualified(headline.count, headline.qualifier as Qualifier, "symbol") : null,
      headlineNote: headline ? headlineNote : null,
      speakers: report.speakers.map((speaker) => ({
        name: speakerName(speaker),
        description: speakerDescription(speaker),
        subject: SPEAKER_SUBJECTS[speaker.subject] ?? speaker.subject,
        quote: shortQuote(speaker.quote),
      })),
      chain: chain.map((citation) => ({
        outlet: citation.outlet.name,
        kind: CITATION_KINDS[citation.kind] ?? citation.kind,
        url: citation.url,
        publishedOn: citation.publishedOn,
      })),
      quote: shortQuote(report.quote),
    });
  }
  return { entries, more: Math.max(0, reportIds.length - entries.length), lastUpdated: await lastUpdated(db, reportIds) };
}

export function sourceNumbers(panel: SourcesPanelData): Map<number, number> {
  return new Map(panel.entries.map((entry) => [entry.reportId, entry.number]));
}
