/** Letter classes the name finders share (ASCII and Latin-1; other scripts are not matched yet). */

export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** True when every letter of text[s, e) is upper case and it has at least two letters. */
export function allCaps(text: string, s: number, e: number): boolean {
  let letters = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters > 1;
}
