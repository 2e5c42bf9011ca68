import { Button } from "@/components/ui/button";

/** One button that posts one id to a server action: revoke, remove, turn on or off. */
export function RowActionForm({ action, fields, label }: { action: (formData: FormData) => Promise<void>; fields: Record<string, string>; label: string }) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <Button type="submit" variant="secondary" className="px-3 py-1">{label}</Button>
    </form>
  );
}
