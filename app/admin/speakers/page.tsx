import type { Metadata } from "next";
import { updateSpeakerAction } from "@/app/admin/actions";
import { SourceEditor, type EditorField } from "@/components/admin/SourceEditor";
import { listAdminSpeakers } from "@/lib/admin/sources";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";
import { speakerDescription, speakerName } from "@/lib/reports/provenance";

export const metadata: Metadata = { title: "Speakers" };

const FIELDS: EditorField[] = [
  { name: "name", label: "Name" },
  { name: "role", label: "Role" },
  { name: "organisation", label: "Organisation" },
  { name: "country", label: "Country", type: "country" },
];

export default async function SpeakersPage() {
  await pageAdmin("/admin/speakers");
  const speakers = await listAdminSpeakers(getPrisma());
  return (
    <section>
      <h1>Speakers</h1>
      <p className="muted">
        Who figures are attributed to. A change here is a change for every report that names the speaker. An organisation that speaks as itself has only its
        organisation filled in, and is shown by that name.
      </p>
      <SourceEditor
        what="Speaker"
        save={updateSpeakerAction}
        fields={FIELDS}
        rows={speakers.map((s) => ({
          id: s.id,
          version: s.version,
          title: [speakerName(s), speakerDescription(s)].filter(Boolean).join(" — "),
          reports: s.reports,
          values: { name: s.name, role: s.role, organisation: s.organisation, country: s.country },
        }))}
      />
    </section>
  );
}
