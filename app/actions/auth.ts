"use server";
// Sign-out as a form action: works without JavaScript, and Next.js refuses it
// from another origin.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";

export async function signOutAction(): Promise<void> {
  const auth = await getAuth();
  // Deletes the session row; the nextCookies plugin clears the cookie.
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/");
}
