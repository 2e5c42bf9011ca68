// "Call From" / "Call To" hold "the number or the name" of a party: `201`, `Reception<201>`,
// `"Sato Hanako" <201>`. The number is what gets classified; the name is kept as the caller name.

const NAME_AND_NUMBER = /^(.*?)\s*<([^<>]*)>$/;
const SURROUNDING_QUOTES = /^"(.*)"$/;

export type PartyText = { number: string; name: string | null };

export function splitPartyText(text: string): PartyText {
  const match = NAME_AND_NUMBER.exec(text);
  if (!match) return { number: text, name: null };
  const name = match[1].trim().replace(SURROUNDING_QUOTES, "$1").trim();
  return { number: match[2].trim(), name: name === "" ? null : name };
}
