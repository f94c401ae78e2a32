import type { Metadata } from "next";
import { updateOutletAction } from "@/app/admin/actions";
import { SourceEditor, type EditorField } from "@/components/admin/SourceEditor";
import { listAdminOutlets } from "@/lib/admin/sources";
import { pageAdmin } from "@/lib/auth/pages";
import { getPrisma } from "@/lib/db/client";
import { OUTLET_KIND_KEYS, OUTLET_KINDS } from "@/lib/domain";

export const metadata: Metadata = { title: "Outlets" };

const FIELDS: EditorField[] = [
  { name: "name", label: "Name" },
  { name: "kind", label: "Kind", type: "select", choices: OUTLET_KIND_KEYS.map((kind) => ({ value: kind, label: OUTLET_KINDS[kind] })) },
  { name: "homepage", label: "Homepage", type: "url" },
  { name: "country", label: "Country", type: "country" },
];

export default async function OutletsPage() {
  await pageAdmin("/admin/outlets");
  const outlets = await listAdminOutlets(getPrisma());
  return (
    <section>
      <h1>Outlets</h1>
      <p className="muted">Where statements were published. A change here is a change for every citation of the outlet.</p>
      <SourceEditor
        what="Outlet"
        save={updateOutletAction}
        fields={FIELDS}
        rows={outlets.map((o) => ({
          id: o.id,
          version: o.version,
          title: `${o.name} (${OUTLET_KINDS[o.kind as keyof typeof OUTLET_KINDS] ?? o.kind})`,
          reports: o.reports,
          values: { name: o.name, kind: o.kind, homepage: o.homepage, country: o.country },
        }))}
      />
    </section>
  );
}
