// The things the fuzz cases aim at — a live report, a deleted one, a
// retracted one, a speaker in use… — made through the write API itself, so
// the same code serves the in-process test and the run over HTTP.
import { minimalReport } from "../helpers/payloads";
import { FUZZ_ENDPOINTS, type FuzzEndpoint, type Targets } from "./endpoints";
import { KNOWN } from "./arbitraries";

/** Sends one write and returns its JSON; throws unless it succeeded. */
export type Call = (endpoint: FuzzEndpoint, id: string, body: unknown) => Promise<Record<string, unknown>>;

const find = (file: string, method: string) => {
  const found = FUZZ_ENDPOINTS.find((e) => e.file === file && e.method === method);
  if (!found) throw new Error(`no endpoint ${method} ${file}`);
  return found;
};

/** The live report PATCH cases are judged against: 2020-01-01 to 2020-12-31, stated 2021-01-15, published, version 1. */
export const LIVE_REPORT = minimalReport({ notes: "Fuzz target: must never change." });

export async function makeTargets(call: Call): Promise<Targets> {
  const reports = "app/api/v1/reports";
  const report = async () => String((await call(find(`${reports}/route.ts`, "POST"), "", LIVE_REPORT)).id);
  const live = await report();
  const deleted = await report();
  await call(find(`${reports}/[id]/route.ts`, "DELETE"), deleted, { reason: "fuzz target" });
  const retracted = await report();
  await call(find(`${reports}/[id]/retract/route.ts`, "POST"), retracted, { reason: "fuzz target" });
  const missing = String(KNOWN.missingId);
  const targets: Targets = { reports: { live, deleted, retracted, missing } };

  const bodies = {
    speakers: (n: string) => ({ name: `Fuzz speaker ${n}` }),
    outlets: (n: string) => ({ name: `Fuzz outlet ${n}` }),
    events: (n: string) => ({ date: "2019-04-11", label: `Fuzz event ${n}` }),
  };
  for (const kind of ["speakers", "outlets", "events"] as const) {
    const create = find(`app/api/v1/${kind}/route.ts`, "POST");
    const made = async (n: string) => String((await call(create, "", bodies[kind](`${n} ${Math.random().toString(36).slice(2, 8)}`))).id);
    const liveSource = await made("live");
    const deletedSource = await made("deleted");
    await call(find(`app/api/v1/${kind}/[id]/route.ts`, "DELETE"), deletedSource, { reason: "fuzz target" });
    // In use: the seeded report names speaker 2 and outlet 1; an event needs a report of its own.
    let inUse = kind === "speakers" ? String(KNOWN.speakerId) : String(KNOWN.outletId);
    if (kind === "events") {
      inUse = await made("in use");
      await call(find(`${reports}/route.ts`, "POST"), "", { ...LIVE_REPORT, periodEventId: Number(inUse) });
    }
    targets[kind] = { live: liveSource, deleted: deletedSource, inUse, missing };
  }

  const token = await call(find("app/api/v1/tokens/route.ts", "POST"), "", { name: "fuzz revoked" });
  await call(find("app/api/v1/tokens/[id]/route.ts", "DELETE"), String(token.id), undefined);
  targets.tokens = { revoked: String(token.id) };
  return targets;
}
