// Who is asking: the client address every limit is keyed by. Plain JavaScript,
// because scripts/serve.mjs (the edge in front of Next.js) imports it as is.
//
// X-Forwarded-For is written by whoever sends the request, so it is believed
// only from the proxies named in TRUSTED_PROXIES (addresses or CIDRs, comma-
// separated; "loopback", "linklocal" and "uniquelocal" as proxy-addr knows
// them). The client is the right-most address of the chain that is not a
// trusted proxy; with no TRUSTED_PROXIES (the default) it is the socket's peer.
import proxyaddr from "proxy-addr";

/** The trust test for TRUSTED_PROXIES; throws naming an entry that is not an address or CIDR. */
export function trustedProxies(value = process.env.TRUSTED_PROXIES ?? "") {
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return () => false;
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(`TRUSTED_PROXIES: '${entry}' is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32).`);
    }
  }
  return proxyaddr.compile(entries);
}

/** The client's address for a Node request, by the rule above. IPv4 clients of an IPv6 socket are given as IPv4. */
export function clientAddress(req, trust) {
  const address = proxyaddr(req, trust);
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * Replaces whatever X-Forwarded-For the request came with by the one address
 * the app may believe, before Next.js sees it. better-auth's sign-in limit
 * reads exactly this header.
 */
export function setClientAddress(req, trust) {
  req.headers["x-forwarded-for"] = clientAddress(req, trust);
}
