import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentViewer, safeNextPath } from "@/lib/auth/pages";
import { publicRead } from "@/lib/auth/settings";
import "../admin/admin.css";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next, "");
  const viewer = await currentViewer();
  if (viewer) redirect(next || (viewer.role === "admin" ? "/admin" : "/"));
  return (
    <section className="sign-in-page">
      <h1>Sign in</h1>
      <p className="muted">
        For admins, who enter and correct reports, and analysts, who also see drafts.
        {publicRead() ? " Reading published figures needs no account." : " This dashboard is not public: sign in to read it."}
      </p>
      <SignInForm next={next || "/"} />
      <p className="muted small">Accounts are created by the operator (npm run user:create). There is no self sign-up.</p>
    </section>
  );
}
