import type { EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { evidenceQueryOf } from "@/lib/evidence-pack/evidence-pack-options.schema";
import type { ReportMessages } from "@/lib/evidence-pack/messages/en";
import { PrintButton } from "@/components/evidence-pack/print-button";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

// The print view's form chrome (hidden when printing): language, masking and the letter's fields
// (applied by reloading with them in the query, which the PDF and bundle links carry too).
export function EvidencePrintToolbar({ options, labels, pdfHref, bundleHref, bundleLabel }: { options: EvidencePackOptions; labels: ReportMessages; pdfHref: string; bundleHref: string; bundleLabel: string }) {
  const query = evidenceQueryOf(options);
  return (
    <form method="get" className="mx-auto mb-6 max-w-[190mm] space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm print:hidden" data-print-toolbar>
      <p className="text-slate-600">{labels.print.toolbar}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block">{labels.print.addressee}<input name="to" placeholder={labels.letter.defaultAddressee} defaultValue={options.addressee} maxLength={200} className={FIELD} /></label>
        <label className="block">{labels.cover.accountNumber}<input name="account" defaultValue={options.accountNumber} maxLength={100} className={FIELD} /></label>
        <label className="block">{labels.cover.carrier}<input name="carrier" defaultValue={options.carrier} maxLength={100} className={FIELD} /></label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">{labels.print.language}
          <select name="lang" defaultValue={options.locale} className="rounded-md border border-slate-300 px-2 py-1"><option value="ja">日本語</option><option value="en">English</option></select>
        </label>
        <label className="flex items-center gap-2"><input type="checkbox" name="mask" value="1" defaultChecked={options.mask} /> {labels.print.mask}</label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">{labels.print.apply}</button>
        <span className="flex-1" />
        <a href={`${pdfHref}?${query}`} download className="font-medium text-brand-700 hover:underline">{labels.print.downloadPdf}</a>
        <a href={`${bundleHref}?${query}`} download className="font-medium text-brand-700 hover:underline">{bundleLabel}</a>
        <PrintButton label={labels.print.print} />
      </div>
    </form>
  );
}
