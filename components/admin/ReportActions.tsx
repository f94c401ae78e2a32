"use client";
// Retract, delete (recoverably) and restore, each with the reason the audit
// history keeps, and "restore this version" for the history's entries.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteReportAction, restoreReportAction, retractReportAction } from "@/app/admin/actions";
import type { WriteResult } from "@/lib/writes/result";

function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (work: () => Promise<WriteResult<unknown>>, after?: () => void) =>
    start(async () => {
      const result = await work();
      if (!result.ok) {
        setMessage(result.error.issues?.map((i) => i.message).join("; ") || result.error.message);
        return;
      }
      setMessage(null);
      after?.();
      router.refresh();
    });
  return { pending, message, run };
}

function ReasonForm({ label, button, danger, onSubmit, pending }: { label: string; button: string; danger?: boolean; pending: boolean; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="reason-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason);
      }}
    >
      <label className="field">
        <span className="field__label">{label}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button type="submit" className={`button button--small${danger ? " button--danger" : ""}`} disabled={pending || !reason.trim()}>
        {button}
      </button>
    </form>
  );
}

export function ReportActions({ id, version, status, deleted }: { id: number; version: number; status: string; deleted: boolean }) {
  const { pending, message, run } = useAction();
  const router = useRouter();
  if (deleted) {
    return (
      <div className="actions-panel">
        {message && <p className="form-error">{message}</p>}
        <ReasonForm label="Why restore it" button="Restore report" pending={pending} onSubmit={(reason) => run(() => restoreReportAction(id, { reason }))} />
      </div>
    );
  }
  return (
    <div className="actions-panel">
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {status !== "retracted" && (
        <ReasonForm label="Retract: why is the figure withdrawn?" button="Retract report" pending={pending} onSubmit={(reason) => run(() => retractReportAction(id, reason, version))} />
      )}
      <ReasonForm
        label="Delete: why? (it can be restored)"
        button="Delete report"
        danger
        pending={pending}
        onSubmit={(reason) => run(() => deleteReportAction(id, reason, version), () => router.push(`/admin?tab=deleted&deleted=${id}`))}
      />
    </div>
  );
}

export function RestoreVersionButton({ id, toVersion, currentVersion }: { id: number; toVersion: number; currentVersion: number }) {
  const { pending, message, run } = useAction();
  return (
    <div className="history__action">
      <button type="button" className="button button--small" disabled={pending} onClick={() => run(() => restoreReportAction(id, { toVersion, version: currentVersion }))}>
        Restore version {toVersion}
      </button>
      {message && <span className="field__error">{message}</span>}
    </div>
  );
}

export function RestoreDeletedButton({ id }: { id: number }) {
  const { pending, message, run } = useAction();
  return (
    <>
      <button type="button" className="button button--small" disabled={pending} onClick={() => run(() => restoreReportAction(id, {}))}>
        Restore
      </button>
      {message && <span className="field__error">{message}</span>}
    </>
  );
}
