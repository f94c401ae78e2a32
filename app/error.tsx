"use client";
// Anything that fails while rendering a page lands here, in words, with a way back.
import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="empty" role="alert">
      <h1>This view could not be shown</h1>
      <p>Something went wrong on our side while preparing it. The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link className="button" href="/">
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}
