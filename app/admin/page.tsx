import type { Metadata } from "next";
import Link from "next/link";
import { RestoreDeletedButton } from "@/components/admin/ReportActions";
import { ADMIN_TABS, listAdminReports, type AdminTab } from "@/lib/admin/reports";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";
import { METRICS } from "@/lib/domain";
import { formatPeriod, formatQualified } from "@/lib/format";
import { findCountry, isCountryCode } from "@/lib/reference-data";

export const metadata: Metadata = { title: "Reports" };

const TAB_LABELS: Record<AdminTab, string> = { all: "All", draft: "Drafts", published: "Published", retracted: "Retracted", deleted: "Deleted" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AdminReportsPage({ searchParams }: { searchParams: Search }) {
  await pageAdmin("/admin");
  const params = await searchParams;
  const tab = (ADMIN_TABS as readonly string[]).includes(one(params.tab) ?? "") ? (one(params.tab) as AdminTab) : "all";
  const targetParam = one(params.target)?.toUpperCase();
  const target = targetParam && isCountryCode(targetParam) ? targetParam : undefined;
  const page = Math.max(1, Number(one(params.page)) || 1);
  const list = await listAdminReports(getPrisma(), { tab, page, target });
  const link = (changes: Record<string, string | number | undefined>) => {
    const query = new URLSearchParams();
    const merged = { tab, target, page: undefined as number | undefined, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== "all") query.set(key, String(value));
    const text = query.toString();
    return text ? `/admin?${text}` : "/admin";
  };

  return (
    <section>
      <div className="admin-head">
        <h1>Reports</h1>
        <Link className="button button--primary" href="/admin/reports/new">
          New report
        </Link>
      </div>
      {one(params.deleted) && (
        <p className="form-notice" role="status">
          Report {one(params.deleted)} was deleted. It is listed here and can be restored.
        </p>
      )}
      <nav className="tabs" aria-label="Status">
        {ADMIN_TABS.map((name) => (
          <Link key={name} href={link({ tab: name })} aria-current={name === tab ? "page" : undefined} className={name === tab ? "tabs__tab tabs__tab--current" : "tabs__tab"}>
            {TAB_LABELS[name]}
          </Link>
        ))}
        <form className="tabs__filter" action="/admin">
          {tab !== "all" && <input type="hidden" name="tab" value={tab} />}
          <label>
            <span className="visually-hidden">Target country code</span>
            <input name="target" defaultValue={target ?? ""} placeholder="Target, e.g. EC" size={10} />
          </label>
          <button className="button button--small">Filter</button>
        </form>
      </nav>
      <p className="muted small">
        {list.total.toLocaleString("en-US")} report{list.total === 1 ? "" : "s"}
        {target ? ` targeting ${findCountry(target)?.name}` : ""}. Page {list.page} of {list.pages}.
      </p>
      <div className="table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Target</th>
              <th scope="col">Figure</th>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col">{tab === "deleted" ? "Deleted" : "Updated"}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id}>
                <td>{row.id}</td>
                <td>{findCountry(row.targetCountry)?.name ?? row.targetCountry}</td>
                <td>
                  {row.headline ? formatQualified(row.headline.count, row.headline.qualifier, "symbol") : "—"} <span className="muted">{METRICS[row.metric]?.toLowerCase()}</span>
                  <span className="muted small"> · {row.observations} row{row.observations === 1 ? "" : "s"}</span>
                </td>
                <td>{formatPeriod(row.periodStart, row.periodEnd)}</td>
                <td>
                  <span className={`tag tag--${row.status}`}>{row.status}</span>
                  {row.synthetic && <span className="tag tag--synthetic">synthetic</span>}
                </td>
                <td>
                  {(row.deletedAt ?? row.updatedAt).slice(0, 10)}
                  {row.deletionReason && <span className="muted small"> — “{row.deletionReason}”</span>}
                </td>
                <td className="admin-table__actions">
                  <Link href={`/admin/reports/${row.id}`}>{row.deletedAt ? "View" : "Edit"}</Link>
                  {row.deletedAt && <RestoreDeletedButton id={row.id} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.rows.length === 0 && <p className="empty">No reports here.</p>}
      {list.pages > 1 && (
        <nav className="pager" aria-label="Pages">
          {list.page > 1 && <Link href={link({ page: list.page - 1 })}>← Newer</Link>}
          {list.page < list.pages && <Link href={link({ page: list.page + 1 })}>Older →</Link>}
        </nav>
      )}
    </section>
  );
}
