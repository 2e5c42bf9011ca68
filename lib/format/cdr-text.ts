// CDR text (caller names, account codes, raw lines) is written by whoever placed the call. Shown to
// people, characters that are invisible or reorder text become visible markers, so "evil\u202Etxt.exe"
// cannot pass for "evilexe.txt", nor "2\u200B01" for extension 201. Client-safe: the UI, exports
// for people and the evidence pack share it. Tab, line feed and carriage return stay (whitespace).

// C0 and C1 controls but tab/LF/CR, DEL; bidirectional marks, embeddings, overrides and isolates;
// zero-width and other invisible format characters (incl. soft hyphen, word joiners, BOM); tag characters.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

export type CdrTextPart = { text: string; isMarker: boolean };

/** The marker shown for a hidden character: ‹U+202E›. */
export function markerFor(character: string): string {
  return `‹U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}›`;
}

/** The text split into plain runs and markers, for a component to style the markers apart. */
export function cdrTextParts(text: string): CdrTextPart[] {
  const parts: CdrTextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), isMarker: false });
    parts.push({ text: markerFor(match[0]), isMarker: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), isMarker: false });
  return parts;
}

/** The text with every hidden character replaced by its marker. */
export function showCdrText(text: string): string {
  return text.replace(HIDDEN, markerFor);
}

/**
 * For CDR text inside a sentence: shown, and wrapped in first-strong isolates (U+2068 … U+2069) when
 * it holds anything beyond printable ASCII, so right-to-left text cannot reorder the sentence around it.
 */
export function isolateCdrText(text: string): string {
  const shown = showCdrText(text);
  return /^[\x20-\x7e]*$/.test(shown) ? shown : `\u2068${shown}\u2069`;
}
