// Strict-Transport-Security: once a browser has seen it, it never again asks
// this site over plain HTTP, where anyone on the network could read the
// session cookie or change the page. Sent only when the operator says the
// site is served over HTTPS (APP_URL=https://…): over HTTP the header is
// ignored anyway, and sending it from a site that later loses TLS locks its
// readers out. One year, this host only: no includeSubDomains, since other
// sites of the same domain may still be on HTTP.
export const HSTS_VALUE = "max-age=31536000";

export function strictTransportSecurity(appUrl = process.env.APP_URL): string | null {
  return appUrl?.trim().toLowerCase().startsWith("https://") ? HSTS_VALUE : null;
}
