/**
 * `--format booknlp`: the files BookNLP writes for a book (`ID.tokens`, `ID.entities`, `ID.quotes`,
 * `ID.book`, and `ID.book.html`), with BookNLP's names and columns (../shared/formats/booknlp-output.md,
 * documented for our side in docs/report.md), so tools that read BookNLP's output can read ours.
 *
 * Where dramatis has no model for a column, it writes a documented placeholder:
 * - `.tokens`: `lemma` is the lower-cased word; `POS_tag` is a coarse universal tag from the token's
 *   kind and our mention layer (PUNCT, NUM, SYM, PRON, PROPN, else X); `fine_POS_tag` and
 *   `dependency_relation` are `_`; `syntactic_head_ID` is -1; `event` is `O`. `byte_onset` and
 *   `byte_offset` are code-point offsets of the token in the text (start, end), as BookNLP's are
 *   character offsets.
 * - `.entities`: only person mentions (`cat` is always `PER`). Each character's COREF id is its index in
 *   the Analysis' `characters`; a mention resolved to no character gets an id of its own after those.
 * - `.quotes`: `mention_*` point at the speaker's mention nearest the quote (same paragraph first,
 *   then the closest outside quotes); -1 and the speaker's name when the speaker is never mentioned;
 *   `char_id` -1 when no speaker was chosen.
 * - `.book`: `agent`, `patient`, `mod` and `poss` are empty lists (no parser); `g` counts the pronouns
 *   resolved to the character.
 */
import { MentionKind, TokenKind, type Document } from '../document/document.js';
import type { Analysis } from '../types.js';

export const TOKENS_COLUMNS = [
  'paragraph_ID',
  'sentence_ID',
  'token_ID_within_sentence',
  'token_ID_within_document',
  'word',
  'lemma',
  'byte_onset',
  'byte_offset',
  'POS_tag',
  'fine_POS_tag',
  'dependency_relation',
  'syntactic_head_ID',
  'event',
] as const;
export const ENTITIES_COLUMNS = ['COREF', 'start_token', 'end_token', 'prop', 'cat', 'text'] as const;
export const QUOTES_COLUMNS = ['quote_start', 'quote_end', 'mention_start', 'mention_end', 'mention_phrase', 'char_id', 'quote'] as const;

export interface BookNlpFiles {
  /** File name (ID.tokens, …) → content. */
  files: Map<string, string>;
}

/** A TSV field: tabs and line breaks would break the row, so they become spaces. */
function tsv(v: string | number): string {
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

function row(fields: (string | number)[]): string {
  return fields.map(tsv).join('\t');
}

const PRON_HE = new Set(['he', 'him', 'his', 'himself']);
const PRON_SHE = new Set(['she', 'her', 'hers', 'herself']);
const PRON_THEY = new Set(['they', 'them', 'their', 'theirs', 'themselves', 'themself']);
const PRONOUNS = new Set([...PRON_HE, ...PRON_SHE, ...PRON_THEY, 'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'it', 'its']);

/** The last token whose start is before `end` (inclusive end token of a span [start, end)). */
function lastTokenBefore(doc: Document, end: number): number {
  return doc.tokenAtOrAfter(end) - 1;
}

export function toBookNlp(doc: Document, analysis: Analysis, id: string, html?: string): BookNlpFiles {
  const files = new Map<string, string>();
  const nT = doc.tokenCount;
  const tok = doc.tokens;
  const cp = (i: number): number => doc.toCodePoint(i);
  const nChars = analysis.characters.length;
  const charIndex = new Map(analysis.characters.map((c, i) => [c.id, i]));

  // Mention token spans and COREF ids.
  const nM = doc.mentionCount;
  const mStart = new Int32Array(nM);
  const mEnd = new Int32Array(nM);
  const coref = new Int32Array(nM);
  let nextId = nChars;
  const properToken = new Uint8Array(nT);
  for (let m = 0; m < nM; m++) {
    const s = doc.mentions[3 * m];
    const e = doc.mentions[3 * m + 1];
    mStart[m] = doc.tokenAtOrAfter(s);
    mEnd[m] = Math.max(mStart[m], lastTokenBefore(doc, e));
    const c = doc.mentionCharacters[m] ?? -1;
    coref[m] = c >= 0 && c < nChars ? c : nextId++;
    if (doc.mentions[3 * m + 2] === MentionKind.Proper) for (let t = mStart[m]; t <= mEnd[m] && t < nT; t++) properToken[t] = 1;
  }

  // .tokens
  {
    const lines: string[] = [TOKENS_COLUMNS.join('\t')];
    const nS = doc.sentenceCount;
    let s = 0;
    for (let t = 0; t < nT; t++) {
      while (s + 1 < nS && doc.sentences[4 * (s + 1) + 2] <= t) s++;
      const sent = nS === 0 ? 0 : s;
      const inSentence = nS === 0 ? t : t - doc.sentences[4 * sent + 2];
      const word = doc.tokenText(t);
      const kind = doc.tokenKinds[t];
      const lower = word.toLowerCase();
      const pos =
        kind === TokenKind.Punct || kind === TokenKind.QuoteMark
          ? 'PUNCT'
          : kind === TokenKind.Number
            ? 'NUM'
            : kind === TokenKind.Symbol
              ? 'SYM'
              : PRONOUNS.has(lower)
                ? 'PRON'
                : properToken[t]
                  ? 'PROPN'
                  : 'X';
      lines.push(
        row([doc.paragraphAt(tok[2 * t]), sent, Math.max(0, inSentence), t, word, lower, cp(tok[2 * t]), cp(tok[2 * t + 1]), pos, '_', '_', -1, 'O']),
      );
    }
    files.set(`${id}.tokens`, lines.join('\n') + '\n');
  }

  // .entities
  {
    const lines: string[] = [ENTITIES_COLUMNS.join('\t')];
    for (let m = 0; m < nM; m++) {
      const kind = doc.mentions[3 * m + 2];
      const prop = kind === MentionKind.Proper ? 'PROP' : kind === MentionKind.Nominal ? 'NOM' : 'PRON';
      lines.push(row([coref[m], mStart[m], mEnd[m], prop, 'PER', doc.mentionText(m)]));
    }
    files.set(`${id}.entities`, lines.join('\n') + '\n');
  }

  // Mentions outside quotes, by character, for the quotes' mention columns.
  const inQuote = (pos: number): boolean => {
    // Binary search over quote spans.
    const q = doc.quotes;
    let lo = 0;
    let hi = doc.quoteCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (q[4 * mid + 1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < doc.quoteCount && q[4 * lo] <= pos;
  };
  const byChar: number[][] = analysis.characters.map(() => []);
  for (let m = 0; m < nM; m++) {
    const c = coref[m];
    if (c < nChars && !inQuote(doc.mentions[3 * m])) byChar[c].push(m);
  }

  // .quotes
  {
    const lines: string[] = [QUOTES_COLUMNS.join('\t')];
    for (let k = 0; k < doc.quoteCount; k++) {
      const s = doc.quotes[4 * k];
      const e = doc.quotes[4 * k + 1];
      const qs = doc.tokenAtOrAfter(s);
      const qe = Math.max(qs, lastTokenBefore(doc, e));
      const speaker = analysis.quotes[k]?.speaker ?? null;
      const c = speaker === null ? -1 : (charIndex.get(speaker) ?? -1);
      let ms = -1;
      let me = -1;
      let phrase = speaker === null ? '' : (analysis.characters[c]?.name ?? '');
      if (c >= 0) {
        const para = doc.quotes[4 * k + 2];
        let best = -1;
        let bestScore = Infinity;
        for (const m of byChar[c]) {
          const pos = doc.mentions[3 * m];
          const dist = pos < s ? s - pos : pos - e;
          const score = (doc.paragraphAt(pos) === para ? 0 : 1e9) + Math.abs(dist);
          if (score < bestScore) {
            bestScore = score;
            best = m;
          }
        }
        if (best >= 0) {
          ms = mStart[best];
          me = mEnd[best];
          phrase = doc.mentionText(best);
        }
      }
      const words: string[] = [];
      for (let t = qs; t <= qe && t < nT; t++) words.push(doc.tokenText(t));
      lines.push(row([qs, qe, ms, me, phrase, c, words.join(' ')]));
    }
    files.set(`${id}.quotes`, lines.join('\n') + '\n');
  }

  // .book
  {
    const chars = analysis.characters
      .map((ch, i) => {
        const proper = new Map<string, number>();
        const common = new Map<string, number>();
        const pronoun = new Map<string, number>();
        const g = { 'he/him/his': 0, 'she/her': 0, 'they/them/their': 0 };
        let count = 0;
        for (let m = 0; m < nM; m++) {
          if (coref[m] !== i) continue;
          count++;
          const kind = doc.mentions[3 * m + 2];
          const t = doc.mentionText(m);
          const map = kind === MentionKind.Proper ? proper : kind === MentionKind.Nominal ? common : pronoun;
          map.set(t, (map.get(t) ?? 0) + 1);
          if (kind === MentionKind.Pronoun) {
            const l = t.toLowerCase();
            if (PRON_HE.has(l)) g['he/him/his']++;
            else if (PRON_SHE.has(l)) g['she/her']++;
            else if (PRON_THEY.has(l)) g['they/them/their']++;
          }
        }
        const list = (mp: Map<string, number>) => [...mp].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n, c]) => ({ c, n }));
        const total = g['he/him/his'] + g['she/her'] + g['they/them/their'];
        let gender: unknown = null;
        if (total > 0) {
          const inference = Object.fromEntries(Object.entries(g).map(([k, v]) => [k, Math.round((v / total) * 1000) / 1000]));
          const [argmax, max] = Object.entries(inference).sort((a, b) => b[1] - a[1])[0];
          gender = { inference, argmax, max, total };
        }
        return { id: i, count, name: ch.name, mentions: { proper: list(proper), common: list(common), pronoun: list(pronoun) }, g: gender, agent: [], patient: [], mod: [], poss: [] };
      })
      .filter((c) => c.count >= 2)
      .sort((a, b) => b.count - a.count || a.id - b.id)
      .map(({ name: _name, ...rest }) => rest);
    files.set(`${id}.book`, JSON.stringify({ characters: chars }) + '\n');
  }

  if (html !== undefined) files.set(`${id}.book.html`, html);
  return { files };
}
