import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EvidencePrintDocument } from "@/components/evidence-pack/evidence-print-document";
import { EvidencePrintToolbar } from "@/components/evidence-pack/evidence-print-toolbar";
import { evidenceOptionsFrom } from "@/lib/evidence-pack/evidence-pack-options.schema";
import { prepareEvidence } from "@/lib/evidence-pack/prepare-evidence";
import { reportText } from "@/lib/evidence-pack/report-text";
import { NotFoundError } from "@/lib/errors";
import { orgContextForPage } from "@/lib/http/page-org-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("evidencePrint") };
}

// The evidence pack for the browser's print dialog: the same evidence as the PDF, with the letter's
// fields, language and masking chosen above it (form chrome that does not print).
export default async function EvidencePrintPage({ params, searchParams }: { params: Promise<{ orgSlug: string; incidentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgSlug, incidentId } = await params;
  const ctx = await orgContextForPage(orgSlug, "export");
  const options = evidenceOptionsFrom(await searchParams, (await getLocale()) === "en" ? "en" : "ja");
  const pack = await prepareEvidence(ctx, incidentId, options, "print").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const text = reportText(options.locale, pack.org.timeZone, pack.org.currency);
  const routes = `/api/orgs/${ctx.org.id}/incidents/${pack.incident.id}`;
  return (
    <>
      <EvidencePrintToolbar options={options} labels={text.messages} pdfHref={`${routes}/evidence-pack`} bundleHref={`${routes}/evidence-bundle`} bundleLabel={(await getTranslations("incident"))("evidenceBundle")} />
      <EvidencePrintDocument pack={pack} options={options} text={text} />
    </>
  );
}
