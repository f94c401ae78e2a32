"use client";
// API tokens: create one (shown once, copy it now), revoke any.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/admin/actions";
import type { TokenJson } from "@/lib/writes/accounts";

export function TokenManager({ tokens, me }: { tokens: TokenJson[]; me: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ name: "", email: me, expiresInDays: "" });

  function create(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await createTokenAction({ name: form.name, email: form.email, expiresInDays: form.expiresInDays ? Number(form.expiresInDays) : null });
      if (!result.ok) {
        setError(result.error.issues?.map((i) => `${i.path}: ${i.message}`).join("; ") || result.error.message);
        return;
      }
      setError(null);
      setCreated({ name: result.value.name, token: result.value.token });
      setForm({ ...form, name: "" });
      router.refresh();
    });
  }

  function revoke(token: TokenJson) {
    start(async () => {
      const result = await revokeTokenAction(token.id);
      if (!result.ok) setError(result.error.message);
      router.refresh();
    });
  }

  return (
    <>
      <form className="filters" onSubmit={create} aria-label="New API token">
        <label className="field">
          <span className="field__label">Name (what it is for)</span>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="e.g. nightly importer" required />
        </label>
        <p className="field">
          <span className="field__label">Acts as</span>
          {/* A token is made for one's own account only (the operator's CLI can make one for anyone). */}
          <span>{me} (you)</span>
        </p>
        <label className="field">
          <span className="field__label">Expires</span>
          <select value={form.expiresInDays} onChange={(e) => setForm({ ...form, expiresInDays: e.target.value })}>
            <option value="">when revoked</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
          </select>
        </label>
        <button className="button button--primary" disabled={pending || !form.name.trim()}>
          Create token
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div className="form-notice" role="status">
          <p>
            Token “{created.name}” — copy it now, it will not be shown again. Send it as <code>Authorization: Bearer …</code>.
          </p>
          <output className="token-value" aria-label="New token">
            {created.token}
          </output>
        </div>
      )}
      <div className="table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Acts as</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && token.expiresAt < new Date().toISOString();
              return (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>
                    {token.owner.email} <span className="muted small">({token.owner.role})</span>
                  </td>
                  <td>{token.createdAt.slice(0, 10)}</td>
                  <td>{token.lastUsedAt?.slice(0, 10) ?? "never"}</td>
                  <td>
                    {token.revokedAt ? (
                      <span className="tag tag--retracted">revoked {token.revokedAt.slice(0, 10)}</span>
                    ) : expired ? (
                      <span className="tag tag--draft">expired</span>
                    ) : (
                      <span className="tag tag--published">active{token.expiresAt ? ` until ${token.expiresAt.slice(0, 10)}` : ""}</span>
                    )}
                  </td>
                  <td>
                    {!token.revokedAt && (
                      <button type="button" className="button button--small button--danger" disabled={pending} onClick={() => revoke(token)} aria-label={`Revoke token ${token.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {tokens.length === 0 && <p className="empty">No tokens yet.</p>}
    </>
  );
}
