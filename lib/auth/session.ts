import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/db/database";

// The signed-in user of the current request (pages, layouts and server actions), read once per request.

export type SignedInUser = { id: string; email: string; name: string; sessionId: string };

export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name, sessionId: session.session.id };
});

/** The signed-in user, or a redirect: to first-run setup while nobody has an account, else to sign-in. */
export async function requireUser(returnTo?: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (user) return user;
  if (!(await hasAnyUser())) redirect("/setup");
  redirect(returnTo && isLocalPath(returnTo) ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
}

export async function hasAnyUser(): Promise<boolean> {
  return (await getDatabase().prisma.user.count({ take: 1 })) > 0;
}

/** Only same-site paths are followed after sign-in (no open redirects). */
export function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}
