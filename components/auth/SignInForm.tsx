"use client";
// Posts to better-auth's endpoint, which checks the origin, counts attempts
// (per address and per account, in the database) and sets the session cookie.
import { useState } from "react";
import { safeNextUrl } from "@/lib/auth/next-path";

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        // A full load, so every server component sees the new session.
        window.location.assign(safeNextUrl(next, window.location.origin));
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
      if (response.status === 401) setError("The email or the password is wrong.");
      else if (response.status === 429) {
        // Per account (our message says so) or per address (the library's generic one).
        const seconds = Number(response.headers.get("x-retry-after")) || 60;
        setError(
          body.code === "TOO_MANY_ATTEMPTS" && body.message
            ? body.message
            : `Too many sign-in attempts from this address. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
        );
      } else setError(body.message ?? `Signing in failed (${response.status}).`);
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span className="field__label">Email</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field">
        <span className="field__label">Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
