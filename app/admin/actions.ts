"use server";
// The admin forms' server actions. Each one only finds out who is asking and
// calls the lib write action, which checks the role, validates and writes
// with its audit record. Each checks where the request comes from first
// (asSameSiteCaller). They return the WriteResult (errors as values), never
// throw at the form.
import { revalidatePath } from "next/cache";
import { asSameSiteCaller } from "@/lib/auth/action-caller";
import type { ReportJson } from "@/lib/reports/types";
import { createReport, updateReport } from "@/lib/writes/reports";
import { deleteReport, restoreReport, retractReport, type DeletedReport } from "@/lib/writes/report-lifecycle";
import { createSource, EVENTS, OUTLETS, SPEAKERS, updateSource, type EventJsonOut, type OutletJsonOut, type SpeakerJsonOut } from "@/lib/writes/sources";
import { createApiToken, revokeApiToken, type CreatedToken, type TokenJson } from "@/lib/writes/accounts";
import type { WriteResult } from "@/lib/writes/result";

function changedReports(id?: number) {
  revalidatePath("/");
  revalidatePath("/admin");
  if (id) revalidatePath(`/admin/reports/${id}`);
}

export async function saveReportAction(payload: unknown, id: number | null): Promise<WriteResult<ReportJson>> {
  return asSameSiteCaller(async (actor) => {
    const result = id === null ? await createReport(actor, payload) : await updateReport(actor, id, payload);
    if (result.ok) changedReports(result.value.id);
    return result;
  });
}

export async function deleteReportAction(id: number, reason: string, version: number): Promise<WriteResult<DeletedReport>> {
  return asSameSiteCaller(async (actor) => {
    const result = await deleteReport(actor, id, { reason, version });
    if (result.ok) changedReports(id);
    return result;
  });
}

export async function retractReportAction(id: number, reason: string, version: number): Promise<WriteResult<ReportJson>> {
  return asSameSiteCaller(async (actor) => {
    const result = await retractReport(actor, id, { reason, version });
    if (result.ok) changedReports(id);
    return result;
  });
}

export async function restoreReportAction(id: number, body: { reason?: string; toVersion?: number; version?: number }): Promise<WriteResult<ReportJson>> {
  return asSameSiteCaller(async (actor) => {
    const result = await restoreReport(actor, id, body);
    if (result.ok) changedReports(id);
    return result;
  });
}

export async function createEventAction(payload: unknown): Promise<WriteResult<EventJsonOut>> {
  return asSameSiteCaller((actor) => createSource(EVENTS, actor, payload));
}

/** A speaker is changed for every report that names it: the dashboard and report pages change too. */
export async function updateSpeakerAction(id: number, payload: unknown): Promise<WriteResult<SpeakerJsonOut>> {
  return asSameSiteCaller(async (actor) => {
    const result = await updateSource(SPEAKERS, actor, id, payload);
    if (result.ok) {
      changedReports();
      revalidatePath("/admin/speakers");
    }
    return result;
  });
}

export async function updateOutletAction(id: number, payload: unknown): Promise<WriteResult<OutletJsonOut>> {
  return asSameSiteCaller(async (actor) => {
    const result = await updateSource(OUTLETS, actor, id, payload);
    if (result.ok) {
      changedReports();
      revalidatePath("/admin/outlets");
    }
    return result;
  });
}

export async function createTokenAction(payload: unknown): Promise<WriteResult<CreatedToken>> {
  return asSameSiteCaller(async (actor) => {
    const result = await createApiToken(actor, payload);
    if (result.ok) revalidatePath("/admin/tokens");
    return result;
  });
}

export async function revokeTokenAction(id: string): Promise<WriteResult<TokenJson>> {
  return asSameSiteCaller(async (actor) => {
    const result = await revokeApiToken(actor, id);
    if (result.ok) revalidatePath("/admin/tokens");
    return result;
  });
}
