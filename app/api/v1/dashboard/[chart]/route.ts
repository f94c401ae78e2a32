// GET /api/v1/dashboard/{timeline|by-source|by-target|map}?<filters>
// The data behind one chart of the dashboard, as the page itself receives it:
// the drawn figures (at most ~2,000 points) and the numbered sources panel.
import { getPrisma } from "@/lib/db/client";
import { apiRoute, json, parseQuery } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { CHARTS, type ChartId } from "@/lib/dashboard/filters";
import { loadChart } from "@/lib/dashboard/load";
import { reportFiltersSchema } from "@/lib/schemas/report-query";
import { requireReader, requireStatuses } from "@/lib/auth/viewer";

export const GET = apiRoute<{ params: Promise<{ chart: string }> }>(async (request, { params }) => {
  const { chart } = await params;
  if (!(CHARTS as readonly string[]).includes(chart)) throw notFound(`Chart "${chart.slice(0, 40)}" (use ${CHARTS.join(", ")})`);
  const viewer = await requireReader(request);
  const filters = parseQuery(request, reportFiltersSchema);
  requireStatuses(viewer, filters.status);
  const loaded = await loadChart(getPrisma(), filters, chart as ChartId);
  return json({ chart: loaded.chart.chart, data: loaded.chart.data, sources: loaded.sources });
});
