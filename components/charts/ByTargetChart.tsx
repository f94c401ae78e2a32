"use client";
import type { ByTargetData } from "@/lib/dashboard/types";
import { RankedBars } from "./RankedBars";

export function ByTargetChart({ data }: { data: ByTargetData }) {
  return (
    <RankedBars
      colour="#D55E00"
      valueName="Latest headline figure"
      rows={data.rows.map((row) => ({
        key: row.code,
        label: row.name,
        figure: row,
        note:
          [
            row.source ? `Attributed to ${row.source}.` : null,
            row.reports > 1 ? `Latest of ${row.reports} reports on ${row.name}; earlier ones are not added.` : null,
            row.context ? `${row.context[0].toUpperCase()}${row.context.slice(1)}.` : null,
          ]
            .filter(Boolean)
            .join(" ") || undefined,
      }))}
    />
  );
}
