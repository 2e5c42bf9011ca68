import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

// Inviting a person and changing a member's role. Client-safe.

export const InviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  role: z.enum(ROLES),
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const ChangeRoleInput = z.object({ memberId: z.string().uuid(), role: z.enum(ROLES) });

export const INVITATION_DAYS = 7;
