import type { ReactNode } from "react";
import type { Fact } from "@/lib/evidence-pack/summary-text";

// A section of the print view (optionally starting a printed page) and a label/value list.

export function Section({ title, children, breakBefore = false }: { title: string; children: ReactNode; breakBefore?: boolean }) {
  return (
    <section className={`mt-8 ${breakBefore ? "break-before-page" : ""}`}>
      <h2 className="mb-3 text-lg font-semibold text-brand-700 break-after-avoid">{title}</h2>
      {children}
    </section>
  );
}

export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="grid grid-cols-[14rem_1fr] gap-x-4 gap-y-1 text-sm">
      {facts.map(([label, value]) => [<dt key={`${label}-t`} className="text-slate-600">{label}</dt>, <dd key={`${label}-d`} className="font-semibold">{value}</dd>])}
    </dl>
  );
}
