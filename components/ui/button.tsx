import Link from "next/link";
import type { ComponentProps } from "react";

// Button styles in one place (the shadcn/ui way, written by hand: its CLI has no registry here).

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400",
} as const;

type Variant = keyof typeof VARIANTS;

export function buttonClassName(variant: Variant = "primary"): string {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]}`;
}

export function Button({ variant, className = "", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={`${buttonClassName(variant)} ${className}`} {...props} />;
}

export function ButtonLink({ variant, className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${buttonClassName(variant)} ${className}`} {...props} />;
}
