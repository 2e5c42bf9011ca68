// For sharing beyond the carrier: the last four digits of a third-party number become "•".

const HIDDEN_DIGITS = 4;

/** "+23276123456" → "+2327612••••"; numbers of four digits or fewer are hidden whole. */
export function maskNumber(number: string): string {
  let hidden = 0;
  const characters = [...number];
  for (let index = characters.length - 1; index >= 0 && hidden < HIDDEN_DIGITS; index--) {
    if (/\d/.test(characters[index])) {
      characters[index] = "•";
      hidden++;
    }
  }
  return characters.join("");
}
