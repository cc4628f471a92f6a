/**
 * LitBank's texts are pre-tokenised, one sentence per line: `' It 's all over , Mrs. Thingummy ! '` then
 * `said the surgeon at last .` on a line of its own. dramatis reads prose as people write it, so the
 * tokenisation alone loses quotes (a mark between spaces is no quotation mark in real text) and every
 * tag on its own line reads as a paragraph of its own. For a second, fairer reading of the speaker
 * annotations this restores ordinary spacing and joins a sentence line into the one before when it
 * plainly continues it: it opens in lower case (`said the surgeon`) or a quotation is still open.
 * Other paragraph breaks are unknown in LitBank and stay one per sentence. Offsets of the original text
 * map to the restored one through `at` (length + 1 entries: a removed space maps to the next kept
 * character).
 */

export interface RestoredText {
  text: string;
  /** at[i] = offset in `text` of the original offset i (0 ≤ i ≤ original length). */
  at: Int32Array;
}

/** Tokens written against the word before them. */
const ATTACH_LEFT: ReadonlySet<string> = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '...', '…', "n't", 'n’t']);
/** Tokens written against the word after them. */
const ATTACH_RIGHT: ReadonlySet<string> = new Set(['(', '[', '{', '$']);
/** Words written after an elision mark (`'Tis`, `'twas`, `'em`). */
const ELIDED = /^(?:tis|twas|twere|twill|twould|em|cause|bout)$/i;
/** Clitics split off by the tokeniser (`It 's`, `we 'll`). */
const CLITIC = /^['’](?:s|d|m|ll|re|ve|em|t)$/i;

export function restoreLitbankSpacing(original: string): RestoredText {
  const at = new Int32Array(original.length + 1);
  let out = '';
  // Quote state carried over joined lines: straight marks toggle, curly ones say their direction.
  let openDouble = false;
  let openSingle = false;
  let pos = 0;
  const lines = original.split('\n');
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (li > 0) {
      // The newline before this line: a space when the line continues the previous one.
      const first = line.trimStart().charCodeAt(0);
      const firstTok = line.trimStart().split(' ')[0];
      // A line reopening the open kind of mark starts a new paragraph of the same speech (`" I went
      // home .` ⏎ `" Then I slept , " he said .`), not more of the line before.
      const reopens = (openDouble && firstTok === '"') || (openSingle && firstTok === "'");
      const continues = !reopens && (openDouble || openSingle || (first >= 97 && first <= 122));
      at[pos] = out.length;
      out += continues ? ' ' : '\n';
      pos++;
      if (!continues) {
        openDouble = false;
        openSingle = false;
      }
    }
    const tokens = line.split(' ');
    let glueNext = false; // the previous token attaches to this one
    for (let ti = 0; ti < tokens.length; ti++) {
      let tok = tokens[ti];
      // `The Joneses ' dog`: a plural possessive, not a quotation mark.
      if (tok === "'" && !openSingle && ti > 0 && /s$/i.test(tokens[ti - 1]) && /^[a-z]/.test(tokens[ti + 1] ?? '')) tok = "s'";
      // `' Tis a pity`: an elided word, not a quotation mark (written against the word after it).
      if (tok === "'" && ELIDED.test(tokens[ti + 1] ?? '')) tok = "'elided";
      if (ti > 0) {
        // The space before this token.
        let keep = !glueNext;
        // A straight mark while its kind is open closes the quotation: written against the word before.
        if (tok === '"' || tok === "'") {
          if (tok === '"' ? openDouble : openSingle) keep = false;
        } else if (tok === '”' || tok === '’') keep = false;
        else if (ATTACH_LEFT.has(tok) || CLITIC.test(tok) || tok === "s'") keep = false;
        at[pos] = out.length;
        if (keep && tok.length > 0) out += ' ';
        pos++;
      }
      const chars = tokens[ti];
      for (let k = 0; k < chars.length; k++) {
        at[pos] = out.length;
        out += chars[k];
        pos++;
      }
      glueNext = tok === "'elided";
      if (tok === '"') {
        openDouble = !openDouble;
        glueNext = openDouble;
      } else if (tok === "'") {
        openSingle = !openSingle;
        glueNext = openSingle;
      } else if (tok === '“') {
        openDouble = true;
        glueNext = true;
      } else if (tok === '‘') {
        openSingle = true;
        glueNext = true;
      } else if (tok === '”') openDouble = false;
      else if (tok === '’') openSingle = false;
      else if (ATTACH_RIGHT.has(tok)) glueNext = true;
    }
  }
  at[pos] = out.length;
  return { text: out, at };
}
