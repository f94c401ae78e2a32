import { formatCount, formatQualified, NAMED_WITHOUT_FIGURE, QUALIFIER_WORDS } from "@/lib/format";
import type { Qualifier } from "@/lib/domain";

/** A number that never travels without its qualifier: "more than 40,000,000". */
export function QualifiedFigure({
  count,
  qualifier,
  size = "normal",
}: {
  count: number | null;
  qualifier: Qualifier | null;
  size?: "normal" | "large";
}) {
  if (count === null) {
    return <span className="figure figure--named">{NAMED_WITHOUT_FIGURE}</span>;
  }
  const words = QUALIFIER_WORDS[qualifier ?? "exact"];
  return (
    <span className={`figure figure--${size}`} title={formatQualified(count, qualifier, "symbol")}>
      {words && <span className="figure__qualifier">{words} </span>}
      <span className="figure__number">{formatCount(count)}</span>
    </span>
  );
}
