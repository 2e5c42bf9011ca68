import "server-only";
import type { Auth } from "@/lib/auth/auth";
import { InvalidInputError } from "@/lib/errors";
import type { NewAccount } from "@/lib/auth/new-account.schema";

// Creates a user with a password through better-auth's own adapter and password hasher (public
// sign-up is off): first-run setup and accepted invitations are the only callers.

export async function createUserWithPassword(auth: Auth, account: NewAccount): Promise<{ id: string; email: string }> {
  const context = await auth.$context;
  const email = account.email.toLowerCase();
  if (await context.internalAdapter.findUserByEmail(email)) throw new InvalidInputError("An account with this email address already exists. Sign in instead.", "email_taken");
  const user = await context.internalAdapter.createUser({ email, name: account.name, emailVerified: false }, { method: "email-password" });
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await context.password.hash(account.password) });
  return { id: user.id, email: user.email };
}

/** Sets a new password (the CLI's reset) and signs the user out everywhere. */
export async function setPassword(auth: Auth, email: string, password: string): Promise<void> {
  const context = await auth.$context;
  const found = await context.internalAdapter.findUserByEmail(email.toLowerCase(), { includeAccounts: true });
  if (!found) throw new InvalidInputError(`No user with the email address ${email}.`, "unknown_user");
  const hash = await context.password.hash(password);
  const credential = found.accounts.find((account) => account.providerId === "credential");
  if (credential) await context.internalAdapter.updatePassword(found.user.id, hash);
  else await context.internalAdapter.linkAccount({ userId: found.user.id, providerId: "credential", accountId: found.user.id, password: hash });
  await context.internalAdapter.deleteUserSessions(found.user.id);
}
