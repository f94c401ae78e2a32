import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty">
      <h1>Not found</h1>
      <p>This page or report could not be found. It may never have existed, or it may have been deleted.</p>
      <Link className="button" href="/">
        Back to the dashboard
      </Link>
    </div>
  );
}
