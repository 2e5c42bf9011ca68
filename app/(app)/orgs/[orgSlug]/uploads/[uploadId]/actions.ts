"use server";

import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { orgContextForAction } from "@/lib/http/page-org-context";
import { deleteUpload } from "@/lib/uploads/delete-upload";

export type DeleteUploadState = { error: "upload_running" | "unconfirmed" } | null;

export async function deleteUploadAction(orgSlug: string, uploadId: string, _previous: DeleteUploadState, formData: FormData): Promise<DeleteUploadState> {
  const ctx = await orgContextForAction(orgSlug, "settings");
  if (formData.get("confirm") !== "yes") return { error: "unconfirmed" };
  let deleted;
  try {
    deleted = await deleteUpload(ctx, uploadId, { dataDir: getEnv().dataDir });
  } catch (error) {
    if (error instanceof InvalidInputError && error.code === "upload_running") return { error: "upload_running" };
    throw error;
  }
  redirect(`/orgs/${encodeURIComponent(ctx.org.slug)}/uploads?deleted=${encodeURIComponent(deleted.fileName)}&calls=${deleted.calls}`);
}
