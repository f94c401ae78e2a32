import type { Db } from "../db/client";
import { tokenJson, type TokenJson } from "../writes/accounts";

/** Every token, newest first: revoked ones stay listed, marked, for the record. */
export async function listApiTokens(db: Db): Promise<TokenJson[]> {
  const rows = await db.apiToken.findMany({ include: { user: true }, orderBy: { createdAt: "desc" }, take: 500 });
  return rows.map(tokenJson);
}
