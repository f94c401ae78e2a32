import Link from "next/link";
import { signOutAction } from "@/app/actions/auth";
import { currentViewer } from "@/lib/auth/pages";

/** The header's account area: sign in, or who you are, the admin area, sign out. */
export async function AccountNav() {
  const viewer = await currentViewer();
  if (!viewer) {
    return (
      <nav className="account-nav" aria-label="Account">
        <Link href="/sign-in">Sign in</Link>
      </nav>
    );
  }
  return (
    <nav className="account-nav" aria-label="Account">
      <span className="account-nav__who">
        {viewer.user.email} <span className="account-nav__role">{viewer.role}</span>
      </span>
      {viewer.role === "admin" && <Link href="/admin">Admin</Link>}
      <form action={signOutAction}>
        <button type="submit" className="account-nav__button">
          Sign out
        </button>
      </form>
    </nav>
  );
}
