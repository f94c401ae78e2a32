import type { Metadata } from "next";
import Link from "next/link";
import { describeValue, fieldLabel } from "@/lib/audit/describe";
import { listAudit, type AuditFilters } from "@/lib/audit/history";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from "@/lib/audit/record";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit history" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const date = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** What an entry is about, linked when it is a report. */
function subject(entityType: string, entityId: string) {
  if (entityType === "report") return <Link href={`/admin/reports/${entityId}`}>report {entityId}</Link>;
  if (entityType === "import") return <Link href={`/admin/audit?importId=${entityId}`}>import {entityId.slice(0, 8)}…</Link>;
  return `${entityType} ${entityType === "token" || entityType === "user" ? entityId.slice(0, 8) + "…" : entityId}`;
}

const truncate = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await pageAdmin("/admin/audit");
  const params = await searchParams;
  const action = one(params.action);
  const entityType = one(params.entityType);
  const filters: AuditFilters = {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action ?? "") ? (action as AuditAction) : undefined,
    entityType: (AUDIT_ENTITIES as readonly string[]).includes(entityType ?? "") ? (entityType as AuditEntity) : undefined,
    entityId: one(params.entityId)?.slice(0, 64),
    actor: one(params.actor)?.slice(0, 200),
    importId: one(params.importId)?.slice(0, 64),
    from: date(one(params.from)),
    to: date(one(params.to)),
    before: Number(one(params.before)) || undefined,
  };
  const page = await listAudit(getPrisma(), filters);
  const next = new URLSearchParams(Object.entries({ ...filters, before: page.nextBefore ?? undefined }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));

  return (
    <section>
      <h1>Audit history</h1>
      <p className="muted">Every create, correction, deletion, restore, retraction and import, with who did it and the before and after of each changed field.</p>
      <form className="filters" action="/admin/audit">
        <label className="field">
          <span className="field__label">Action</span>
          <select name="action" defaultValue={filters.action ?? ""}>
            <option value="">any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Kind</span>
          <select name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">any</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Id</span>
          <input name="entityId" defaultValue={filters.entityId ?? ""} size={8} />
        </label>
        <label className="field">
          <span className="field__label">Who (email contains)</span>
          <input name="actor" defaultValue={filters.actor ?? ""} />
        </label>
        <label className="field">
          <span className="field__label">From</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label className="field">
          <span className="field__label">To</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        {filters.importId && <input type="hidden" name="importId" value={filters.importId} />}
        <button className="button">Filter</button>
        <Link href="/admin/audit" className="small">
          Clear
        </Link>
      </form>
      <div className="table-wrap">
        <table className="admin-table audit-table">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.at.replace("T", " ").slice(0, 19)}</td>
                <td>
                  {entry.by}
                  <span className="muted small"> via {entry.via}</span>
                </td>
                <td>
                  <span className={`tag tag--action-${entry.action}`}>{entry.action}</span> {subject(entry.entityType, entry.entityId)}
                  {entry.version !== null && <span className="muted small"> → v{entry.version}</span>}
                  {entry.reason && <div className="small">“{truncate(entry.reason)}”</div>}
                </td>
                <td>
                  {entry.changes.length === 0 ? (
                    <span className="muted small">{entry.action === "create" || entry.action === "import" ? "new: the full record is kept as a snapshot" : "—"}</span>
                  ) : (
                    <ul className="history__changes">
                      {entry.changes.map((change) => (
                        <li key={change.field}>
                          <span className="history__field">{fieldLabel(change.field)}</span>{" "}
                          <span className="history__before">{truncate(describeValue(change.field, change.before).join(" | "))}</span> →{" "}
                          <span className="history__after">{truncate(describeValue(change.field, change.after).join(" | "))}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.entries.length === 0 && <p className="empty">No entries match.</p>}
      {page.nextBefore && (
        <nav className="pager" aria-label="Pages">
          <Link href={`/admin/audit?${next.toString()}`}>Older →</Link>
        </nav>
      )}
    </section>
  );
}
