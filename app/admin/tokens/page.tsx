import type { Metadata } from "next";
import { TokenManager } from "@/components/admin/TokenManager";
import { pageAdmin } from "@/lib/auth/pages";
import { listApiTokens } from "@/lib/auth/token-list";
import { getPrisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const viewer = await pageAdmin("/admin/tokens");
  const db = getPrisma();
  const tokens = await listApiTokens(db);
  return (
    <section>
      <h1>API tokens</h1>
      <p className="muted">
        For scripts: a token acts with its owner&apos;s current role (an analyst&apos;s token reads and exports, an admin&apos;s also writes). Only a hash is
        stored; a revoked token is refused at once. From the command line: <code>npm run token:create -- --email … --name …</code>.
      </p>
      <TokenManager tokens={tokens} me={viewer.user.email} />
    </section>
  );
}
