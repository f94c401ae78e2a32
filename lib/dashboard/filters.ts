// The dashboard's state, all of it in the URL: filters shared with the API and
// exports, plus which chart and view are open. Parsing never throws: a bad
// parameter becomes a message for the page, and the rest of the view still works.
import { z } from "zod";
import { reportFilterFields, type ReportFilters } from "../schemas/report-query";
import { issuesFromZod, type Issue } from "../api/errors";

export const CHARTS = ["timeline", "by-source", "by-target", "map"] as const;
export type ChartId = (typeof CHARTS)[number];

export const CHART_TITLES: Record<ChartId, string> = {
  timeline: "Reported figures over time",
  "by-source": "Figures by source country or region",
  "by-target": "Latest figure by target country",
  map: "Map of source countries",
};

/** The dashboard filters are the API's report filters: one meaning everywhere. */
export type DashboardFilters = ReportFilters;

export const dashboardViewFields = z.object({
  chart: z.enum(CHARTS).default("timeline"),
  view: z.enum(["chart", "table"]).default("chart"),
  scale: z.enum(["auto", "linear", "log"]).default("auto"),
});
export type DashboardView = z.infer<typeof dashboardViewFields>;

export const dashboardQuerySchema = reportFilterFields.extend(dashboardViewFields.shape).superRefine((query, ctx) => {
  if (query.from && query.to && query.from > query.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `must be on or after from (${query.from})` });
  }
});

type SearchParams = Record<string, string | string[] | undefined>;

export interface ParsedDashboardQuery {
  filters: DashboardFilters;
  view: DashboardView;
  /** Parameters that were dropped, with the reason. */
  problems: Issue[];
}

/**
 * Reads the page's search parameters. Invalid or unknown parameters are left
 * out and reported, so a mistyped link still opens a working dashboard.
 */
export function parseDashboardQuery(searchParams: SearchParams, options: { drafts?: boolean } = {}): ParsedDashboardQuery {
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(searchParams)) if (value !== undefined) input[key] = value;
  const problems: Issue[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = dashboardQuerySchema.safeParse(input);
    if (parsed.success) {
      const { chart, view, scale, ...filters } = parsed.data;
      if (filters.status?.includes("draft") && !options.drafts) {
        // Drafts are for signed-in readers; a shared link asking for them still opens.
        problems.push({ path: "status", message: "drafts are shown only to signed-in analysts and admins" });
        const visible = filters.status.filter((status) => status !== "draft");
        if (visible.length) filters.status = visible;
        else delete filters.status;
      }
      return { filters: filters as DashboardFilters, view: { chart, view, scale }, problems };
    }
    const issues = issuesFromZod(parsed.error);
    problems.push(...issues);
    const unknown = parsed.error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
    const bad = new Set([...unknown, ...parsed.error.issues.map((issue) => String(issue.path[0] ?? "")).filter(Boolean)]);
    for (const key of bad) delete input[key];
  }
  return { filters: {}, view: dashboardViewFields.parse({}), problems };
}

/** The query string for a view; defaults are left out so links stay short. */
export function dashboardHref(filters: DashboardFilters, view: Partial<DashboardView> = {}, base = "/"): string {
  const params = new URLSearchParams();
  const list = (key: string, values?: ReadonlyArray<string | number>) => {
    if (values?.length) params.set(key, values.join(","));
  };
  list("target", filters.target);
  list("source", filters.source);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  list("metric", filters.metric);
  list("org", filters.org);
  list("outlet", filters.outlet);
  if (filters.status && !(filters.status.length === 1 && filters.status[0] === "published")) list("status", filters.status);
  if (view.chart && view.chart !== "timeline") params.set("chart", view.chart);
  if (view.view && view.view !== "chart") params.set("view", view.view);
  if (view.scale && view.scale !== "auto") params.set("scale", view.scale);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
