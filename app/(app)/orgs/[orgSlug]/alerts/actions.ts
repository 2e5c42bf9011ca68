"use server";

import { revalidatePath } from "next/cache";
import { createAlertChannel, removeAlertChannel, setAlertChannelEnabled, updateAlertCostSteps } from "@/lib/alerts/alert-channels";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { getEnv } from "@/lib/env";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { orgContextForAction } from "@/lib/http/page-org-context";
import type { AlertFormState } from "@/components/alerts/alert-action-form";


async function settle(orgSlug: string, work: () => Promise<AlertFormState>): Promise<AlertFormState> {
  try {
    const state = await work();
    revalidatePath(`/orgs/${orgSlug}/alerts`);
    return state;
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, error: error.code };
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    if (error instanceof NotFoundError) return { ok: false, error: "not_found" };
    throw error;
  }
}

export async function createAlertChannelAction(orgSlug: string, _previous: AlertFormState, formData: FormData): Promise<AlertFormState> {
  return settle(orgSlug, async () => {
    const ctx = await orgContextForAction(orgSlug, "settings");
    await createAlertChannel(ctx, { name: formData.get("name"), kind: formData.get("kind"), target: formData.get("target"), language: formData.get("language") });
    return { ok: true, message: "added" };
  });
}

export async function updateCostStepsAction(orgSlug: string, _previous: AlertFormState, formData: FormData): Promise<AlertFormState> {
  return settle(orgSlug, async () => {
    const ctx = await orgContextForAction(orgSlug, "settings");
    await updateAlertCostSteps(ctx, String(formData.get("steps") ?? ""));
    return { ok: true, message: "stepsSaved" };
  });
}

export async function testAlertChannelAction(orgSlug: string, _previous: AlertFormState, formData: FormData): Promise<AlertFormState> {
  return settle(orgSlug, async (): Promise<AlertFormState> => {
    const ctx = await orgContextForAction(orgSlug, "settings");
    const result = await sendTestAlert(ctx, getEnv(), String(formData.get("channelId") ?? ""));
    return result.ok ? { ok: true, message: "testSent", values: { name: result.name } } : { ok: false, error: "testFailed", values: { name: result.name, reason: result.reason } };
  });
}

export async function toggleAlertChannelAction(orgSlug: string, formData: FormData): Promise<void> {
  await settle(orgSlug, async () => {
    await setAlertChannelEnabled(await orgContextForAction(orgSlug, "settings"), String(formData.get("channelId") ?? ""), formData.get("enabled") === "true");
    return null;
  });
}

export async function removeAlertChannelAction(orgSlug: string, formData: FormData): Promise<void> {
  await settle(orgSlug, async () => {
    await removeAlertChannel(await orgContextForAction(orgSlug, "settings"), String(formData.get("channelId") ?? ""));
    return null;
  });
}
