import { z } from "zod";

// Creating an API key. Client-safe.

export const API_KEY_SCOPES = ["ingest"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as the PBX that uses it.").max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose what the key may do."),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;
