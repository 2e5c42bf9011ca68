import { markerFor } from "@/lib/format/cdr-text";

// What the CLI prints can hold CDR text (caller names, account codes in finding sentences, raw values
// in error messages) written by whoever placed the calls. On a terminal, ESC and C1 sequences would
// recolour, retitle or rewrite the screen and CR or bidi overrides would disguise a line, so they
// are printed as markers (‹U+001B›). Line feeds, tabs and our own isolates (U+2068/9) stay.
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066\u2067]/g;

export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROL, markerFor);
}

// JSON.stringify escapes C0 but leaves DEL, C1 and bidi controls raw; escaped, the parsed value is the same.
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of JSON that is safe to print on a terminal and parses to the same value. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(JSON_RAW, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
