import { z } from "zod";

// What first-run setup and an accepted invitation ask for. Client-safe (no server imports).

export const PASSWORD_MIN = 10;

export const NewAccount = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(128, "Use at most 128 characters."),
});
export type NewAccount = z.infer<typeof NewAccount>;
