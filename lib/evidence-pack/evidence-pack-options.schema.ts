import { z } from "zod";
import type { EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";

// The reader's choices, from a query string (the PDF and bundle routes, the print view's form) or
// the CLI's flags: language, masking, and the cover letter's addressee, account number and carrier.

const field = (max: number) => z.string().trim().max(max).default("");

export const EvidencePackQuery = z.object({
  lang: z.enum(["ja", "en"]).default("ja"),
  mask: z.enum(["0", "1"]).default("0"),
  to: field(200),
  account: field(100),
  carrier: field(100),
});
export type EvidencePackQuery = z.infer<typeof EvidencePackQuery>;

/** Options from query parameters; unknown or bad values fall back to the defaults rather than fail. */
export function evidenceOptionsFrom(params: URLSearchParams | Record<string, string | string[] | undefined>, fallbackLocale: "ja" | "en" = "ja"): EvidencePackOptions {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) ?? undefined : params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const raw = { lang: get("lang") ?? fallbackLocale, mask: get("mask"), to: get("to"), account: get("account"), carrier: get("carrier") };
  const parsed = EvidencePackQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : EvidencePackQuery.parse({ lang: fallbackLocale });
  return { locale: query.lang, mask: query.mask === "1", addressee: query.to, accountNumber: query.account, carrier: query.carrier };
}

/** The query string that asks for these options (for links between the print view, PDF and bundle). */
export function evidenceQueryOf(options: EvidencePackOptions): string {
  const params = new URLSearchParams({ lang: options.locale });
  if (options.mask) params.set("mask", "1");
  if (options.addressee) params.set("to", options.addressee);
  if (options.accountNumber) params.set("account", options.accountNumber);
  if (options.carrier) params.set("carrier", options.carrier);
  return params.toString();
}
