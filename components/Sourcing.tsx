import { CITATION_KINDS, SPEAKER_SUBJECTS } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import {
  citationChains,
  outletKindLabel,
  safeHref,
  speakerDescription,
  speakerName,
  speaksAsOrganisation,
} from "@/lib/reports/provenance";
import type { CitationJson, ReportSpeakerJson } from "@/lib/reports/types";

function CitationLine({ citation }: { citation: CitationJson }) {
  const href = safeHref(citation.url);
  const homepage = safeHref(citation.outlet.homepage);
  return (
    <li className="chain__step">
      <span className="chain__outlet">
        {homepage ? (
          <a href={homepage} rel="noopener noreferrer" target="_blank">
            {citation.outlet.name}
          </a>
        ) : (
          citation.outlet.name
        )}
      </span>{" "}
      <span className="chain__kind">
        {CITATION_KINDS[citation.kind] ?? citation.kind} · {outletKindLabel(citation.outlet.kind)}
      </span>
      <div className="chain__meta">
        {href ? (
          <a href={href} rel="noopener noreferrer" target="_blank">
            {citation.title || "Read the article"}
          </a>
        ) : (
          <span className="muted">{citation.title ? `“${citation.title}” — ` : ""}no link recorded</span>
        )}
        {" · "}
        {citation.publishedOn ? `published ${formatDate(citation.publishedOn)}` : <span className="muted">publication date not recorded</span>}
        {citation.accessedOn && ` · accessed ${formatDate(citation.accessedOn)}`}
      </div>
    </li>
  );
}

/** Who said it and where it was published: shown beside every figure. */
export function Sourcing({ speakers, citations }: { speakers: ReportSpeakerJson[]; citations: CitationJson[] }) {
  const chains = citationChains(citations);
  return (
    <div className="sourcing">
      <h3 className="sourcing__heading">Who said it</h3>
      <ul className="speakers">
        {speakers.map((speaker) => (
          <li key={speaker.id} className="speaker">
            <span className={speaker.name || speaksAsOrganisation(speaker) ? "speaker__name" : "speaker__name speaker__name--unknown"}>
              {speakerName(speaker)}
            </span>
            {speakerDescription(speaker) && <span className="speaker__role">{speakerDescription(speaker)}</span>}
            <span className="speaker__subject">quoted on {SPEAKER_SUBJECTS[speaker.subject] ?? speaker.subject}</span>
            {speaker.quote && <q className="speaker__quote">{speaker.quote}</q>}
          </li>
        ))}
      </ul>
      <h3 className="sourcing__heading">Where it was published</h3>
      {chains.length === 0 && <p className="muted">No citation recorded.</p>}
      {chains.map((chain, index) => (
        <ol key={index} className="chain" aria-label={`Citation chain ${index + 1}`}>
          {chain.map((citation) => (
            <CitationLine key={citation.id} citation={citation} />
          ))}
        </ol>
      ))}
    </div>
  );
}
