/** Shown while the server renders a new view of the dashboard. */
export default function Loading() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <div className="loading__bar" />
      <p>Loading reported figures…</p>
    </div>
  );
}
