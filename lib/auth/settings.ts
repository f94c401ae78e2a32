// Settings read from the environment at request time (not at build time), so
// one build serves every configuration.

function flag(name: string, fallback: boolean): boolean {
  const value = process.env[name]?.trim().toLowerCase();
  if (value === undefined || value === "") return fallback;
  return !["false", "0", "no", "off"].includes(value);
}

/** PUBLIC_READ=false closes every page and read API to anonymous visitors. */
export function publicRead(): boolean {
  return flag("PUBLIC_READ", true);
}

/**
 * Session cookies are Secure by default. Browsers accept Secure cookies over
 * plain http only on localhost and 127.0.0.1; a deployment served over plain
 * http under another name must use HTTPS (or, not recommended, SECURE_COOKIES=false).
 */
export function secureCookies(): boolean {
  return flag("SECURE_COOKIES", true);
}

/** Extra origins allowed to send cookie-authenticated writes, e.g. "https://dash.example.org". */
export function trustedOrigins(): string[] {
  return (process.env.TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter(Boolean);
}
