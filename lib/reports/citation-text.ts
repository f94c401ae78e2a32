// Citation text for a report, short and long, ready to paste into an article
// or a paper. Only what is recorded is written; unknowns are said, not guessed.
import { METRICS } from "../domain";
import { formatDate, formatPeriod, formatQualified } from "../format";
import { findCountry } from "../reference-data";
import { citationChains, speakerDescription, speakerName } from "./provenance";
import type { ReportJson } from "./types";

export interface CitationText {
  short: string;
  long: string;
}

export function citationText(report: ReportJson, options: { url: string; accessedOn: string }): CitationText {
  const target = findCountry(report.targetCountry)?.name ?? report.targetCountry;
  const speaker = report.speakers.find((s) => s.subject === "figure") ?? report.speakers[0];
  const who = speaker
    ? `${speakerName(speaker)}${speakerDescription(speaker) ? ` (${speakerDescription(speaker)})` : ""}`
    : "An unnamed source";
  const headline = report.observations.find((o) => o.scope.type === "all" && o.count !== null);
  const metric = (METRICS[report.metric] ?? report.metric).toLowerCase();
  const figure = headline ? `${formatQualified(headline.count, headline.qualifier)} ${metric}` : metric;
  const period = formatPeriod(report.periodStart, report.periodEnd) + (report.periodLabel ? ` (“${report.periodLabel}”)` : "");
  const chain = citationChains(report.citations)[0] ?? [];
  const outlets = chain.map((c) => c.outlet.name).join(" → ");
  const stated = report.statedOn ? formatDate(report.statedOn) : "date of statement not recorded";
  const links = chain.flatMap((c) => (c.url ? [c.url] : []));

  const short = `${who}: ${figure} against ${target}, ${period}. ${outlets ? `Via ${outlets}, ` : ""}${stated}. Cyberattack Report Dashboard, report ${report.id}.`;
  const published = chain
    .map((c) => `${c.outlet.name}${c.title ? `, “${c.title}”` : ""}${c.publishedOn ? `, ${formatDate(c.publishedOn)}` : ""}${c.url ? `, ${c.url}` : ""}`)
    .join("; taken up by ");
  const long =
    `${who}. Statement reporting ${figure} against ${target}, ${period}; ${stated}.` +
    (published ? ` Published by ${published}.` : " No publication recorded.") +
    (links.length === 0 && chain.length ? " No link recorded." : "") +
    ` Recorded in Cyberattack Report Dashboard, report ${report.id} (version ${report.version}, status ${report.status}), ${options.url}, accessed ${formatDate(options.accessedOn)}.`;
  return { short, long };
}
