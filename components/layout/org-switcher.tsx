import Link from "next/link";

// The organization being looked at, and the others the user belongs to (an IT provider watches
// many): a disclosure, so it works without JavaScript and from the keyboard.

export function OrgSwitcher({ current, organizations, label }: { current: { slug: string; name: string }; organizations: { slug: string; name: string }[]; label: string }) {
  const others = organizations.filter((org) => org.slug !== current.slug);
  if (others.length === 0) return null;
  return (
    <details className="relative text-sm" data-org-switcher>
      <summary className="inline-flex cursor-pointer items-center gap-1 rounded-md border border-slate-200 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
        <span className="sr-only">{label}: </span>{current.name} <span aria-hidden>▾</span>
      </summary>
      <ul className="absolute z-10 mt-1 max-h-80 min-w-64 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg" aria-label={label}>
        {others.map((org) => (
          <li key={org.slug}><Link className="block px-3 py-1.5 text-slate-800 hover:bg-slate-100" href={`/orgs/${encodeURIComponent(org.slug)}`}>{org.name}</Link></li>
        ))}
      </ul>
    </details>
  );
}
