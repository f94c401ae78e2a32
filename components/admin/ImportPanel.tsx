"use client";
// Upload a CSV to check it (dry run) or import it. The file goes as the
// request body, streamed; while it is read, the page asks the server how far
// it is (the progress is stored in the database, so any instance can answer).
import { useRef, useState } from "react";
import type { ImportJobJson } from "@/lib/import/progress";

interface Answer {
  importId?: string;
  valid?: boolean;
  committed?: boolean;
  rows?: number;
  observations?: number;
  reports?: { created: number; updated: number; unchanged: number };
  error?: { code: string; message: string; issues?: Array<{ row?: number; column?: string; message: string }>; reports?: { created: number; updated: number; unchanged: number }; rows?: number };
}

export function ImportPanel() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<null | "check" | "import">(null);
  const [progress, setProgress] = useState<ImportJobJson | null>(null);
  const [answer, setAnswer] = useState<(Answer & { dryRun: boolean }) | null>(null);
  const [checkedFile, setCheckedFile] = useState<File | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    const importId = crypto.randomUUID();
    setBusy(dryRun ? "check" : "import");
    setAnswer(null);
    setProgress(null);
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const response = await fetch(`/api/v1/import/${importId}`).catch(() => null);
        if (polling && response?.ok) setProgress(await response.json());
      }
    };
    void poll();
    try {
      const response = await fetch(`/api/v1/import?dryRun=${dryRun}&importId=${importId}&fileName=${encodeURIComponent(file.name.slice(0, 200))}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: file,
      });
      const body = (await response.json().catch(() => ({ error: { code: "internal_error", message: `The server answered ${response.status}.` } }))) as Answer;
      setAnswer({ ...body, dryRun });
      if (dryRun && body.valid) setCheckedFile(file);
    } catch {
      setAnswer({ dryRun, error: { code: "network", message: "The upload failed: check the connection and try again." } });
    } finally {
      polling = false;
      setBusy(null);
    }
  }

  const reports = answer?.reports ?? answer?.error?.reports;
  const issues = answer?.error?.issues ?? [];
  const percent = progress?.bytesTotal ? Math.min(100, Math.round((progress.bytesRead / progress.bytesTotal) * 100)) : null;

  return (
    <div className="import-panel">
      <div className="import-panel__pick">
        <label className="field">
          <span className="field__label">CSV file</span>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setAnswer(null);
              setProgress(null);
            }}
          />
        </label>
        <div className="button-row">
          <button type="button" className="button" disabled={!file || busy !== null} onClick={() => send(true)}>
            {busy === "check" ? "Checking…" : "Check the file (nothing is written)"}
          </button>
          <button type="button" className="button button--primary" disabled={!file || busy !== null} onClick={() => send(false)}>
            {busy === "import" ? "Importing…" : "Import"}
          </button>
        </div>
        {file && checkedFile !== file && !busy && <p className="field__hint">Tip: check the file first; importing checks it again and writes all of it or nothing.</p>}
      </div>

      {busy && (
        <div className="progress" role="status" aria-live="polite">
          {progress?.status === "writing" ? (
            <>
              <p>Writing {progress.rowsRead.toLocaleString("en-US")} rows in one transaction…</p>
              <div className="progress__bar progress__bar--busy" />
            </>
          ) : (
            <>
              <p>
                Reading and checking: {progress ? `${progress.rowsRead.toLocaleString("en-US")} rows` : "starting"}
                {percent !== null ? ` (${percent}%)` : ""}
              </p>
              <progress max={100} value={percent ?? undefined} aria-label="Progress of the import" />
            </>
          )}
        </div>
      )}

      {answer && (
        <div className={answer.error ? "import-result import-result--failed" : "import-result"} role="status">
          <h2>
            {answer.error
              ? answer.error.code === "validation_failed"
                ? `${answer.dryRun ? "Check" : "Import"} failed: nothing was written`
                : "The file could not be processed"
              : answer.dryRun
                ? "The file can be imported"
                : "Imported"}
          </h2>
          <p>{answer.error?.message}</p>
          {reports && (
            <p>
              {(answer.rows ?? answer.error?.rows ?? 0).toLocaleString("en-US")} rows: {reports.created} report{reports.created === 1 ? "" : "s"} {answer.dryRun || answer.error ? "to create" : "created"},{" "}
              {reports.updated} {answer.dryRun || answer.error ? "to update" : "updated"}, {reports.unchanged} already there unchanged.
            </p>
          )}
          {issues.length > 0 && (
            <div className="table-wrap">
              <table className="admin-table">
                <caption>Errors by row (the header is row 1)</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {issues.slice(0, 500).map((issue, index) => (
                    <tr key={index}>
                      <td>{issue.row ?? ""}</td>
                      <td>
                        <code>{issue.column || "—"}</code>
                      </td>
                      <td>{issue.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
