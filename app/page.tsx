import { connection } from "next/server";
import { ReportCard } from "@/components/ReportCard";
import { getPrisma } from "@/lib/db/client";
import { pageReader } from "@/lib/auth/pages";
import { listReports } from "@/lib/reports/read";

export default async function HomePage() {
  await connection();
  await pageReader("/");
  const { data: reports, nextCursor } = await listReports(getPrisma(), { limit: 20 });
  return (
    <>
      <section className="intro">
        <h1>Reported cyberattack figures</h1>
        <p>
          Each figure below is what an official said, with the qualifier they used. Beside it: who said it, in what role,
          to which outlet, and where it was published.
        </p>
      </section>
      {reports.length === 0 ? (
        <p className="empty">No published reports yet.</p>
      ) : (
        <div className="report-list">
          {reports.map((report) => (
            <ReportCard key={report.id} report={report} />
          ))}
        </div>
      )}
      {nextCursor && <p className="muted">Showing the 20 most recently entered reports.</p>}
    </>
  );
}
