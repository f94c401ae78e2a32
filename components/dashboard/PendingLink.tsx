"use client";
// A link that shows it is loading while the next view of the dashboard is
// rendered on the server (the dashboard has no loading page: pages that must
// redirect or answer 403 cannot start streaming first).
import Link, { useLinkStatus } from "next/link";

function Pending() {
  const { pending } = useLinkStatus();
  return <span className={pending ? "link-pending link-pending--on" : "link-pending"} aria-hidden="true" />;
}

export function PendingLink({ children, ...props }: React.ComponentProps<typeof Link>) {
  return (
    <Link {...props}>
      {children}
      <Pending />
    </Link>
  );
}
