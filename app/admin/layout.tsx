import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { pageAdmin, safeNextPath } from "@/lib/auth/pages";
import "./admin.css";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Reported cyberattacks" } };

// Every admin page checks the role itself too: a layout is not re-run on
// client-side navigation between its pages.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await pageAdmin(safeNextPath((await headers()).get("x-pathname"), "/admin"));
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <Link href="/admin">Reports</Link>
        <Link href="/admin/reports/new">New report</Link>
        <Link href="/admin/speakers">Speakers</Link>
        <Link href="/admin/outlets">Outlets</Link>
        <Link href="/admin/import">Import CSV</Link>
        <Link href="/admin/audit">Audit history</Link>
        <Link href="/admin/tokens">API tokens</Link>
      </nav>
      {children}
    </div>
  );
}
