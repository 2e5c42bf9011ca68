import "server-only";
import { parseArgs } from "node:util";
import { authFor } from "@/lib/auth/auth";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { withDatabase } from "@/lib/db/with-database";
import { getEnv, publicBaseUrl } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { terminalText } from "@/lib/cli/terminal-text";

// `tollwatch user`: account chores for whoever runs the server (no email needed).

export const USER_USAGE = "tollwatch user reset-password --email <address> | tollwatch user list";

export async function userCommand(args: string[], log: (line: string) => void): Promise<number> {
  const [subcommand, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { email: { type: "string" } } });
  if (subcommand !== "reset-password" && subcommand !== "list") throw new InvalidInputError(`Usage: ${USER_USAGE}`);
  if (subcommand === "reset-password" && !values.email) throw new InvalidInputError(`Usage: ${USER_USAGE}`);
  const env = getEnv();
  const server = await openDatabaseServer(env, "borrow", log);
  try {
    return await withDatabase(server.url, async (db) => {
      if (subcommand === "list") {
        const users = await db.prisma.user.findMany({ orderBy: { createdAt: "asc" }, select: { email: true, name: true, memberships: { select: { role: true, org: { select: { slug: true } } } } } });
        for (const user of users) process.stdout.write(terminalText(`${user.email}\t${user.name}\t${user.memberships.map((member) => `${member.org.slug}:${member.role}`).join(",")}\n`));
        return 0;
      }
      const email = values.email!.trim().toLowerCase();
      if (!(await db.prisma.user.findUnique({ where: { email }, select: { id: true } }))) throw new InvalidInputError(`No user with the email address ${email}.`);
      let token: string | null = null;
      const auth = authFor(env, db, async (message) => {
        token = message.token;
      });
      await auth.api.requestPasswordReset({ body: { email } });
      if (!token) throw new Error("No reset token was issued.");
      const base = publicBaseUrl(env);
      log(`Send this link to ${email}; it works once, for one hour, and signs them out everywhere once used:`);
      process.stdout.write(`${base}/reset-password?token=${encodeURIComponent(token)}\n`);
      return 0;
    });
  } finally {
    await server.stop();
  }
}
