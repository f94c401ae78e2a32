"use server";
// Sign-out as a form action: works without JavaScript. Another site cannot
// sign a visitor out: the request must come from this one (action-caller.ts).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { crossSiteRefusal } from "@/lib/auth/action-caller";

export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  if (crossSiteRefusal(requestHeaders)) redirect("/");
  const auth = await getAuth();
  // Deletes the session row; the nextCookies plugin clears the cookie.
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
  redirect("/");
}
