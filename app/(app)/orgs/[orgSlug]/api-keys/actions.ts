"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { orgContextForAction } from "@/lib/http/page-org-context";

export type CreateKeyState = { ok: true; name: string; key: string } | { ok: false; error: string } | null;

export async function createApiKeyAction(orgSlug: string, _previous: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const name = String(formData.get("name") ?? "");
  try {
    const ctx = await orgContextForAction(orgSlug, "settings");
    const { key } = await createApiKey(ctx, { name, scopes: formData.getAll("scopes").map(String) });
    revalidatePath(`/orgs/${ctx.org.slug}/api-keys`);
    return { ok: true, name: name.trim(), key };
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, error: "invalid_api_key" };
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    throw error;
  }
}

export async function revokeApiKeyAction(orgSlug: string, formData: FormData): Promise<void> {
  try {
    await revokeApiKey(await orgContextForAction(orgSlug, "settings"), String(formData.get("keyId") ?? ""));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  redirect(`/orgs/${encodeURIComponent(orgSlug)}/api-keys`);
}
