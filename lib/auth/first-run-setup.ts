import "server-only";
import type { Auth } from "@/lib/auth/auth";
import { createUserWithPassword } from "@/lib/auth/create-user";
import { NewAccount } from "@/lib/auth/new-account.schema";
import type { Database } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";

// First-run setup: while nobody has an account, the first person to open Tollwatch creates the
// owner account (there is no default password anywhere). It happens once — a unique index on its
// audit row settles a race between two browsers — and the owner receives every organization that
// has no member yet (those the CLI created before, such as the demo).

export async function completeFirstRunSetup(db: Database, auth: Auth, input: unknown): Promise<{ userId: string; email: string }> {
  const parsed = NewAccount.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid account.", "invalid_account");
  if ((await db.prisma.user.count()) > 0) throw new InvalidInputError("Tollwatch is already set up. Sign in instead.", "setup_done");
  const user = await createUserWithPassword(auth, parsed.data);
  try {
    await db.prisma.auditLog.create({ data: { actorUserId: user.id, action: "setup.completed", targetType: "user", targetId: user.id } });
  } catch (error) {
    await db.prisma.user.delete({ where: { id: user.id } });
    if ((error as { code?: string }).code === "P2002") throw new InvalidInputError("Tollwatch is already set up. Sign in instead.", "setup_done");
    throw error;
  }
  await giveOwnerlessOrganizations(db, user.id);
  return { userId: user.id, email: user.email };
}

/** Makes `userId` the owner of every organization without members. */
export async function giveOwnerlessOrganizations(db: Database, userId: string): Promise<number> {
  const result = await db.pool.query(
    `INSERT INTO members (id, org_id, user_id, role)
     SELECT gen_random_uuid(), o.id, $1, 'owner' FROM organizations o
      WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.org_id = o.id)`,
    [userId],
  );
  return result.rowCount ?? 0;
}

/** The person who set Tollwatch up (the earliest account), who receives organizations the CLI creates. */
export async function firstUserId(db: Database): Promise<string | null> {
  const user = await db.prisma.user.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  return user?.id ?? null;
}
