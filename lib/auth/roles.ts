// Who may do what. Plain data, usable in client components too.

export const ROLES = ["admin", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "enters and corrects reports, imports, manages tokens; everything an analyst can do",
  analyst: "reads everything including drafts, exports",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Admins can do everything analysts can. */
export function hasRole(actual: Role, required: Role): boolean {
  return actual === "admin" || actual === required;
}
