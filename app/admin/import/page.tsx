import type { Metadata } from "next";
import { ImportPanel } from "@/components/admin/ImportPanel";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";
import { recentImportJobs } from "@/lib/import/progress";

export const metadata: Metadata = { title: "Import CSV" };

export default async function ImportPage() {
  await pageAdmin("/admin/import");
  const recent = await recentImportJobs(getPrisma(), 8);
  return (
    <section>
      <h1>Import reports from CSV</h1>
      <p className="muted">
        The columns are those of the full export (<a href="/api/v1/import/template.csv">download the template</a>). Rows with a <code>report_id</code>{" "}
        correct that report and must carry the <code>report_version</code> it was exported at; rows without one add new reports, one per group of
        adjacent rows with the same report columns. A report already stored with exactly the same content is left alone, so importing the same
        file twice adds nothing. A file with any error writes nothing.
      </p>
      <ImportPanel />
      {recent.length > 0 && (
        <>
          <h2>Recent imports</h2>
          <div className="table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">File</th>
                  <th scope="col">By</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((job) => (
                  <tr key={job.id}>
                    <td>{job.createdAt.replace("T", " ").slice(0, 16)} UTC</td>
                    <td>{job.fileName ?? "—"}</td>
                    <td>{job.user ?? "—"}</td>
                    <td>{job.dryRun ? "check" : "import"}</td>
                    <td>
                      <span className={`tag tag--${job.status === "done" ? "published" : job.status === "failed" ? "retracted" : "draft"}`}>{job.status}</span>{" "}
                      {job.summary && `${job.summary.rows} rows · ${job.summary.reports.created} new · ${job.summary.reports.updated} changed · ${job.summary.reports.unchanged} unchanged`}
                      {job.errorCount > 0 && ` · ${job.errorCount} error${job.errorCount === 1 ? "" : "s"}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
