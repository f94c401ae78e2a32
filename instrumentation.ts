// Runs once when a server instance starts (Next.js calls register()).
// Imports left "running" by a server that died are marked interrupted: now,
// and once more after the stale window, for those that stopped just before
// this start (their last heartbeat is still recent). See lib/import/progress.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { markInterruptedImports, staleAfterMs } = await import("./lib/import/progress");
  const sweep = () =>
    markInterruptedImports()
      .then((ids) => {
        if (ids.length) console.log(`Marked ${ids.length} import(s) interrupted by an earlier stop: ${ids.join(", ")}`);
      })
      .catch((error: unknown) => console.error("[imports] could not mark interrupted imports:", error instanceof Error ? error.message : error));
  // Not awaited: on a shared PostgreSQL database the sweep waits its turn for the
  // write lock, which another instance's import may hold for minutes; the
  // server answers meanwhile (reads already show stale jobs as interrupted).
  void sweep();
  setTimeout(sweep, staleAfterMs() + 1000).unref();
}
