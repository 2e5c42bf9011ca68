"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { InvalidInputError } from "@/lib/errors";
import { createOrganization } from "@/lib/organizations/create-organization";

export type CreateOrganizationState = { ok: false; error: { code: string; detail: string } } | null;

export async function createOrganizationAction(_previous: CreateOrganizationState, formData: FormData): Promise<CreateOrganizationState> {
  const text = (name: string) => String(formData.get(name) ?? "");
  const user = await requireUser();
  let slug: string;
  try {
    const org = await createOrganization(getDatabase(), {
      name: text("name"),
      slug: text("slug"),
      countryCode: text("countryCode"),
      timeZone: text("timeZone"),
      currency: text("currency"),
    }, user.id);
    slug = org.slug;
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, error: { code: error.code, detail: error.message } };
    throw error;
  }
  redirect(`/orgs/${slug}/uploads/new`);
}
