// What each part of `npm run reliability` reports. Every part lives in
// reliability/<part>.ts, exports `run(options)`, and can also be run alone
// (`npx tsx reliability/<part>.ts [--quick]`), printing its own rows.
export interface ReliabilityOptions {
  /** A shorter run (fewer payloads, rounds, seconds) for a first look. */
  quick: boolean;
  /** A PostgreSQL server URL to include PostgreSQL runs, or null to skip them. */
  postgresUrl: string | null;
}

export interface ReliabilityRow {
  /** Which part and database, e.g. "fuzz · SQLite", "concurrency · PostgreSQL". */
  part: string;
  /** What was measured, e.g. "payloads tried", "5xx seen", "rows changed", "p99 ms". */
  metric: string;
  value: number | string;
  /** The figure the issue requires, e.g. "0", "≥ 1000"; omitted for plain facts. */
  target?: string;
  /** false when the value misses its target: the run then exits non-zero. */
  ok: boolean;
}

export type ReliabilityPart = (options: ReliabilityOptions) => Promise<ReliabilityRow[]>;
