// Who may do what in an organization. Client-safe: pages hide what a role cannot use, and every
// route handler and server action checks again on the server (lib/db/org-context.ts).

export const ROLES = ["owner", "admin", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission = "read" | "upload" | "triage" | "export" | "settings" | "members" | "audit";

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2, owner: 3 };

/** The least role that has each permission. */
const LEAST_ROLE: Record<Permission, Role> = {
  read: "viewer",
  upload: "analyst",
  triage: "analyst",
  export: "analyst",
  settings: "admin",
  members: "admin",
  audit: "admin",
};

export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[LEAST_ROLE[permission]];
}

/** Whether `actor` may give or take away `target` (only owners make or unmake owners). */
export function canAssign(actor: Role, target: Role): boolean {
  return can(actor, "members") && (target !== "owner" || actor === "owner");
}
