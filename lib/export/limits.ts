// Full exports read every report: seconds of database work each. A few
// clients asking for many at once must not take the instance from everyone
// else, so exports are counted while they stream: at most EXPORT_MAX_CONCURRENT
// on this instance and EXPORT_MAX_PER_CLIENT per client address (the one
// scripts/serve.mjs sets); beyond that, 429 with Retry-After.
import { ApiError } from "../api/errors";

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const EXPORT_RETRY_AFTER_SECONDS = 5;

export class ExportSlots {
  private running = 0;
  private readonly byClient = new Map<string, number>();

  constructor(
    private readonly limits: () => { total: number; perClient: number } = () => ({ total: envInt("EXPORT_MAX_CONCURRENT", 8), perClient: envInt("EXPORT_MAX_PER_CLIENT", 2) }),
  ) {}

  get size() {
    return { running: this.running, clients: this.byClient.size };
  }

  /** Takes a slot for `client` or throws a 429; the returned release may be called more than once. */
  acquire(client: string): () => void {
    const { total, perClient } = this.limits();
    const mine = this.byClient.get(client) ?? 0;
    const retry = { "Retry-After": String(EXPORT_RETRY_AFTER_SECONDS) };
    if (mine >= perClient) {
      throw new ApiError("rate_limited", `You have ${mine} exports running; at most ${perClient} run at once per client. Try again when one has finished.`, undefined, undefined, retry);
    }
    if (this.running >= total) {
      throw new ApiError("rate_limited", `The server is busy with ${this.running} exports; try again in a few seconds.`, undefined, undefined, retry);
    }
    this.running++;
    this.byClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }
}

const shared = globalThis as unknown as { exportSlots?: ExportSlots };
export const exportSlots = (shared.exportSlots ??= new ExportSlots());

/** The address the edge (scripts/serve.mjs) set for this request; without the edge, one shared bucket. */
export function exportClient(request: Request): string {
  return request.headers.get("x-forwarded-for")?.trim() || "unknown";
}
