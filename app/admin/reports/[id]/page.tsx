import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportHistory } from "@/components/ReportHistory";
import { ReportActions, RestoreVersionButton } from "@/components/admin/ReportActions";
import { ReportForm } from "@/components/admin/report-form/ReportForm";
import { reportDeletion } from "@/lib/admin/reports";
import { reportHistory } from "@/lib/audit/history";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";
import { ReportCard } from "@/components/ReportCard";
import { searchEvents } from "@/lib/sources/read";
import { loadReports } from "@/lib/writes/report-store";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Report ${(await params).id}` };
}

export default async function EditReportPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await pageAdmin(`/admin/reports/${raw}`);
  if (!/^[1-9]\d{0,14}$/.test(raw)) notFound();
  const id = Number(raw);
  const db = getPrisma();
  const [report] = (await loadReports(db, [id])).values();
  const deletion = await reportDeletion(db, id);
  if (!report || !deletion) notFound();
  const [history, events] = await Promise.all([reportHistory(db, id, { signedIn: true }), searchEvents(db, { limit: 100 })]);
  const { created, saved } = await searchParams;
  const deleted = deletion.deletedAt !== null;
  // Versions that can be brought back: those whose content differs from the one before (not a deletion or
  // undeletion, which leave the content as it was), and version 1 of a report older than its history.
  const changesContent = (entry: (typeof history)[number]) => entry.changes.some((change) => change.field !== "deleted") || entry.action === "create" || entry.action === "import";
  const restorable = new Set(history.filter((e) => e.version !== null && e.version < report.version && e.hasSnapshot && changesContent(e)).map((e) => e.version!));
  const firstRecorded = history.find((e) => e.version !== null);
  const restoreBeforeHistory = firstRecorded && firstRecorded.version! > 1 && !history.some((e) => e.version === 1) && firstRecorded.changes.some((c) => c.field !== "deleted");

  return (
    <section>
      <div className="admin-head">
        <h1>
          Report {id} <span className={`tag tag--${report.status}`}>{report.status}</span>
          {deleted && <span className="tag tag--retracted">deleted</span>}
        </h1>
        {!deleted && report.status !== "draft" && <Link href="/">See it on the dashboard</Link>}
      </div>
      {created && (
        <p className="form-notice" role="status">
          Report {id} created{report.status === "draft" ? " as a draft: only analysts and admins see it until it is published" : ""}.
        </p>
      )}
      {deleted ? (
        <>
          <p className="form-error">
            Deleted on {deletion.deletedAt!.slice(0, 10)}: “{deletion.deletionReason}”. It is hidden everywhere and can be restored.
          </p>
          <ReportActions id={id} version={report.version} status={report.status} deleted />
          <ReportCard report={report} />
        </>
      ) : (
        <ReportForm key={report.version} report={report} events={events} savedVersion={Number(saved) || undefined} />
      )}
      <div className="admin-columns">
        <section aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <ReportHistory
            entries={history}
            actions={(entry) =>
              !deleted && entry.version !== null && restorable.has(entry.version) ? <RestoreVersionButton id={id} toVersion={entry.version} currentVersion={report.version} /> : null
            }
          />
          {!deleted && restoreBeforeHistory && (
            <div className="history__entry">
              <p className="history__head">Version 1, as it was before the first recorded change</p>
              <RestoreVersionButton id={id} toVersion={1} currentVersion={report.version} />
            </div>
          )}
        </section>
        {!deleted && (
          <section aria-labelledby="actions-title">
            <h2 id="actions-title">Retract or delete</h2>
            <ReportActions id={id} version={report.version} status={report.status} deleted={false} />
          </section>
        )}
      </div>
    </section>
  );
}
