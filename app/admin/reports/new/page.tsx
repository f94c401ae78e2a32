import type { Metadata } from "next";
import { ReportForm } from "@/components/admin/report-form/ReportForm";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";
import { searchEvents } from "@/lib/sources/read";

export const metadata: Metadata = { title: "New report" };

export default async function NewReportPage() {
  await pageAdmin("/admin/reports/new");
  const events = await searchEvents(getPrisma(), { limit: 100 });
  return (
    <section>
      <h1>New report</h1>
      <p className="muted">One published statement of figures: who said it, where it was published, and each figure with its qualifier.</p>
      <ReportForm report={null} events={events} />
    </section>
  );
}
