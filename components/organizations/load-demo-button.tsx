"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** Submits the demo form; says what is happening while the half-minute load runs. */
export function LoadDemoButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <>
      <Button type="submit" variant="secondary" disabled={pending}>{label}</Button>
      {pending ? <p role="status" className="mt-2 text-sm text-slate-600">{pendingLabel}</p> : null}
    </>
  );
}
