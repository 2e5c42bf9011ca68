// A file name is what the client says it is: any text. It is stored only to be shown (and to read a
// statement month from), never to build a path, so it is made safe to show: the last path segment,
// no control characters, no bidirectional overrides that would make "invoice‮vsc.exe" read as
// "invoiceexe.csv", at most 255 characters.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI_OR_INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_FILE_NAME_CHARS = 255;

export function displayFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment.replace(CONTROL, " ").replace(BIDI_OR_INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim();
  const shown = Array.from(cleaned).slice(0, MAX_FILE_NAME_CHARS).join("");
  return shown === "" || shown === "." || shown === ".." ? "upload" : shown;
}
