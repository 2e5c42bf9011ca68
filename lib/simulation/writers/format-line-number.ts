// A Japanese line number as statements print it: "(03)6280-1234" in the number column and
// "03-6280-1234" for the calling number. Tokyo and Osaka have two-digit area codes; 050/070/080/090
// numbers split 3-4-4; other fixed numbers are treated as three-digit areas (045-123-4567).

export function formatLineNumber(number: string): { parenthesized: string; hyphenated: string } {
  const areaLength = /^0[36]/.test(number) ? 2 : 3;
  const area = number.slice(0, areaLength);
  const rest = number.slice(areaLength);
  const local = rest.slice(0, rest.length - 4);
  const subscriber = rest.slice(-4);
  return { parenthesized: `(${area})${local}-${subscriber}`, hyphenated: `${area}-${local}-${subscriber}` };
}
