"use client";

// The browser's print dialog, from the print view's toolbar.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
      {label}
    </button>
  );
}
