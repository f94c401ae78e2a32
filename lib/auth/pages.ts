// The checks of pages and server actions: the same viewer as the API, turned
// into a redirect to /sign-in (not signed in) or the 403 page (wrong role).
import { forbidden, redirect } from "next/navigation";
import { getViewer, type Viewer } from "./viewer";
import { publicRead } from "./settings";
import { safeNextPath } from "./next-path";

/** Only paths on this site (see next-path.ts). */
export { safeNextPath };

async function viewerOrNull(): Promise<Viewer | null> {
  try {
    return await getViewer();
  } catch {
    return null; // a bad token on a page: treated as signed out
  }
}

function toSignIn(path: string): never {
  redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(path))}`);
}

/** Every page that shows data: anonymous visitors are let in unless PUBLIC_READ=false. */
export async function pageReader(path: string): Promise<Viewer | null> {
  const viewer = await viewerOrNull();
  if (!viewer && !publicRead()) toSignIn(path);
  return viewer;
}

/** Admin pages and actions. */
export async function pageAdmin(path: string): Promise<Viewer> {
  const viewer = await viewerOrNull();
  if (!viewer) toSignIn(path);
  if (viewer.role !== "admin") forbidden();
  return viewer;
}

export async function currentViewer(): Promise<Viewer | null> {
  return viewerOrNull();
}
