import { cdrTextParts } from "@/lib/format/cdr-text";

// Text from a CDR file, shown inert: React escapes markup, <bdi> keeps right-to-left text from
// reordering what surrounds it, and invisible or reordering characters appear as markers
// (lib/format/cdr-text.ts). Every place that shows CDR-derived text uses this component.

export function CdrText({ text, className }: { text: string | null | undefined; className?: string }) {
  return (
    <bdi className={className} data-cdr-text="">
      {cdrTextParts(text ?? "").map((part, index) =>
        part.isMarker ? (
          <span key={index} className="mx-px rounded-sm bg-amber-100 px-0.5 text-[0.85em] text-amber-900" data-cdr-marker="">{part.text}</span>
        ) : (
          part.text
        ),
      )}
    </bdi>
  );
}
