"use client";
import type { BySourceData } from "@/lib/dashboard/types";
import { RankedBars } from "./RankedBars";

export function BySourceChart({ data }: { data: BySourceData }) {
  return (
    <RankedBars
      colour="#0072B2"
      valueName="Figure attributed to the source"
      rows={data.rows.map((row) => ({
        key: `${row.scopeType}:${row.code}`,
        label: row.scopeType === "region" ? `${row.name} (region)` : row.name,
        figure: row,
        note: [row.note ? `“${row.note}”` : null, `named in ${row.mentions} observation${row.mentions === 1 ? "" : "s"}`]
          .filter(Boolean)
          .join(" · "),
      }))}
    />
  );
}
