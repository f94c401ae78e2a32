import Link from "next/link";

/** Shown, with status 403, when a signed-in person opens a page their role does not allow. */
export default function Forbidden() {
  return (
    <section className="empty">
      <h1>Not for your role</h1>
      <p>This part of the site is for admins. You are signed in, but with a role that cannot open it.</p>
      <p>
        <Link href="/">Back to the figures</Link>
      </p>
    </section>
  );
}
