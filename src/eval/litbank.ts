/**
 * LitBank (coref/brat: `NAME_brat.txt` + `NAME_brat.ann`) as a second measure of the cast stages:
 * person mentions and pronoun links, on ~2,000-word excerpts of 100 novels.
 *
 *  - names: gold PROP_PER mentions found by a proper-name mention of ours ending where it ends;
 *    precision = our proper-name mentions (resolved to a character) that are gold person mentions;
 *  - descriptions: gold NOM_PER mentions with a description of ours ending where they end (recall);
 *  - pronouns: gold he/she/they-family pronouns outside quotes that we mark (recall);
 *  - pronoun links: our resolved third-person pronouns (outside quotes) judged through the nearest
 *    earlier proper name we resolved to the same character: right when that name is in the
 *    pronoun's gold chain, wrong when it is in another chain (precision), and the share of gold
 *    pronouns whose chain has an earlier name that we resolved right (recall);
 *  - name clustering: pairs of gold proper-name mentions we found, same chain vs same character
 *    (pairwise precision and recall).
 *  - speakers (own cast): LitBank's attributed quotations (quotations/tsv, one chain per quote),
 *    judged with the cast we find ourselves (LitBank lists no characters), on all excerpts and on
 *    those held out from the ranker's training novels.
 * The brat texts are pre-tokenised (`Sir Walter Elliot , of Kellynch Hall`); offsets index them as
 * they are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MentionKind } from '../document/document.js';
import { analyzeDocument } from '../index.js';
import type { Document } from '../document/document.js';
import { restoreLitbankSpacing } from './litbank-spacing.js';

export interface LitbankMention {
  start: number;
  end: number;
  /** PROP_PER, NOM_PER, PRON_PER, or another type (FAC, GPE…). */
  type: string;
  /** Chain label (`Sir_Walter_Elliot-0`), or '' when the mention has none. */
  chain: string;
}

/** A gold quotation in character offsets of the text (quote marks included), with its speaker's chain. */
export interface LitbankQuote {
  start: number;
  end: number;
  /** Coref chain label of the speaker (`Nora_Quill-0`), or '' when LitBank attributes it to none. */
  chain: string;
}

export interface LitbankDoc {
  name: string;
  text: string;
  mentions: LitbankMention[];
  /** Gold quotations; absent when LitBank's quotation layer has no file for this excerpt. */
  quotes?: LitbankQuote[];
}

export interface LitbankCounts {
  docs: number;
  goldNames: number;
  foundNames: number;
  predNames: number;
  predNamesGold: number;
  goldNominals: number;
  foundNominals: number;
  goldPronouns: number;
  foundPronouns: number;
  linksJudged: number;
  linksRight: number;
  linksUnjudged: number;
  goldLinkable: number;
  namePairsGold: number;
  namePairsPred: number;
  namePairsBoth: number;
  /** Gold quotes attributed to a chain. */
  quotesGold: number;
  /** Of those, quotes overlapped by a quote span of ours. */
  quotesDetected: number;
  /** Of those, quotes whose speaker (our character → its gold chain) is the gold chain. */
  quotesRight: number;
  /** Detected quotes whose speaker we left unknown or whose character maps to no gold chain. */
  quotesNoChain: number;
}

/**
 * Title words of the novels the shipped ranker was trained on (PDNC). LitBank excerpts some of them;
 * those are in-sample for attribution and are reported apart from the held-out rest.
 */
export const RANKER_TRAINING_TITLES: readonly string[] = [
  'a handful of dust', 'a passage to india', 'a room with a view', 'anne of green gables', 'daisy miller',
  'hard times', 'mansfield park', 'night and day', 'northanger abbey', 'oliver twist', 'persuasion',
  'sense and sensibility', 'the awakening', 'the gambler', 'the man who was thursday',
  'the mysterious affair at styles', 'the picture of dorian gray', 'where angels fear to tread',
];

/** Is a LitBank file name (`208_daisy_miller_a_study_brat`) an excerpt of a ranker training novel? Its title starts with one. */
export function inRankerTraining(name: string): boolean {
  const title = ' ' + name.toLowerCase().replace(/_brat$/, '').replace(/^\d+_/, '').replace(/_/g, ' ') + ' ';
  return RANKER_TRAINING_TITLES.some((t) => title.startsWith(' ' + t + ' '));
}

const PRONOUNS: ReadonlySet<string> = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'they', 'them', 'their', 'theirs', 'themselves']);

/** Parse a brat .ann of LitBank coref: entity types and chain labels share spans; both are kept. */
export function parseLitbankAnn(ann: string): LitbankMention[] {
  const byspan = new Map<string, LitbankMention>();
  for (const line of ann.split(/\r?\n/)) {
    if (!line.startsWith('T')) continue;
    const [, info] = line.split('\t');
    if (!info) continue;
    const parts = info.split(' ');
    if (parts.length < 3) continue;
    const label = parts[0];
    const start = Number(parts[1]);
    const end = Number(parts[parts.length - 1]);
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const key = `${start}:${end}`;
    const m = byspan.get(key) ?? { start, end, type: '', chain: '' };
    if (/^(PROP|NOM|PRON)_[A-Z]+$/.test(label)) m.type = label;
    else m.chain = label;
    byspan.set(key, m);
  }
  return [...byspan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Parse LitBank's quotation layer (`QUOTE Qid startSent startTok endSent endTok text` and
 * `ATTRIB Qid chain`, tab-separated) against its text: a sentence id is a line of the text, a token
 * id an index in that line split on single spaces, and the end token is included. Quotes whose ids
 * fall outside the text are dropped; quotes without an ATTRIB line get chain ''.
 */
export function parseLitbankQuotes(tsv: string, text: string): LitbankQuote[] {
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  // Character range [start, end) of token `tok` of line `sent`, or null.
  const token = (sent: number, tok: number): [number, number] | null => {
    if (!(sent >= 0 && sent < lineStarts.length && tok >= 0)) return null;
    let pos = lineStarts[sent];
    const lineEnd = sent + 1 < lineStarts.length ? lineStarts[sent + 1] - 1 : text.length;
    for (let t = 0; t < tok; t++) {
      const sp = text.indexOf(' ', pos);
      if (sp < 0 || sp >= lineEnd) return null;
      pos = sp + 1;
    }
    const sp = text.indexOf(' ', pos);
    return [pos, sp < 0 || sp > lineEnd ? lineEnd : sp];
  };
  const quotes = new Map<string, LitbankQuote>();
  const attrib = new Map<string, string>();
  for (const line of tsv.split(/\r?\n/)) {
    const f = line.split('\t');
    if (f[0] === 'QUOTE' && f.length >= 6) {
      const a = token(Number(f[2]), Number(f[3]));
      const b = token(Number(f[4]), Number(f[5]));
      if (a && b && b[1] > a[0]) quotes.set(f[1], { start: a[0], end: b[1], chain: '' });
    } else if (f[0] === 'ATTRIB' && f.length >= 3) attrib.set(f[1], f[2].trim());
  }
  for (const [id, chain] of attrib) {
    const q = quotes.get(id);
    if (q) q.chain = chain;
  }
  return [...quotes.values()].sort((x, y) => x.start - y.start);
}

/**
 * Documents of a LitBank coref/brat folder (or of LitBank's root, which holds coref/brat), with the
 * quotation layer when LitBank's root holds quotations/tsv with the same text.
 */
export function loadLitbank(dir: string): LitbankDoc[] {
  const brat = existsSync(join(dir, 'coref', 'brat')) ? join(dir, 'coref', 'brat') : dir;
  const quoteDir = join(brat, '..', '..', 'quotations', 'tsv');
  const names = readdirSync(brat)
    .filter((f) => f.endsWith('.ann'))
    .map((f) => f.slice(0, -4))
    .filter((n) => existsSync(join(brat, `${n}.txt`)))
    .sort();
  return names.map((name) => {
    const text = readFileSync(join(brat, `${name}.txt`), 'utf8');
    const doc: LitbankDoc = { name, text, mentions: parseLitbankAnn(readFileSync(join(brat, `${name}.ann`), 'utf8')) };
    const qAnn = join(quoteDir, `${name}.ann`);
    const qTxt = join(quoteDir, `${name}.txt`);
    // Sentence/token ids are only meaningful against the same text; a differing copy is skipped.
    if (existsSync(qAnn) && existsSync(qTxt) && readFileSync(qTxt, 'utf8') === text) doc.quotes = parseLitbankQuotes(readFileSync(qAnn, 'utf8'), text);
    return doc;
  });
}

export function emptyLitbankCounts(): LitbankCounts {
  return {
    docs: 0,
    goldNames: 0,
    foundNames: 0,
    predNames: 0,
    predNamesGold: 0,
    goldNominals: 0,
    foundNominals: 0,
    goldPronouns: 0,
    foundPronouns: 0,
    linksJudged: 0,
    linksRight: 0,
    linksUnjudged: 0,
    goldLinkable: 0,
    namePairsGold: 0,
    namePairsPred: 0,
    namePairsBoth: 0,
    quotesGold: 0,
    quotesDetected: 0,
    quotesRight: 0,
    quotesNoChain: 0,
  };
}

/** Is offset `pos` inside a double-quoted stretch of its line? (LitBank texts keep one paragraph per line.) */
function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) open = false;
    else if (c === 0x201c || (c === 34 && !open)) open = true;
    else if (c === 0x201d || (c === 34 && open)) open = false;
    else if (open) mask[i] = 1;
  }
  return mask;
}

export function scoreLitbankDoc(gold: LitbankDoc, doc: Document): LitbankCounts {
  const c = emptyLitbankCounts();
  c.docs = 1;
  const text = gold.text;
  const quoted = quotedMask(text);
  const per = gold.mentions.filter((m) => m.type.endsWith('_PER'));
  const m = doc.mentions;
  const n = doc.mentionCount;
  const ourByEnd = new Map<number, number[]>();
  for (let i = 0; i < n; i++) (ourByEnd.get(m[3 * i + 1]) ?? ourByEnd.set(m[3 * i + 1], []).get(m[3 * i + 1])!).push(i);
  const kindAt = (end: number, kinds: number[]): number => {
    for (const i of ourByEnd.get(end) ?? []) if (kinds.includes(m[3 * i + 2])) return i;
    return -1;
  };
  // Gold mention (by span) → chain, and chain per our mention index when spans end together.
  const chainOfOur = new Map<number, string>();
  const goldNameOur: [string, number][] = [];
  for (const g of per) {
    if (g.type === 'PROP_PER') {
      c.goldNames++;
      const i = kindAt(g.end, [MentionKind.Proper]);
      if (i >= 0) {
        c.foundNames++;
        if (g.chain) goldNameOur.push([g.chain, i]);
      }
    } else if (g.type === 'NOM_PER') {
      c.goldNominals++;
      if (kindAt(g.end, [MentionKind.Nominal, MentionKind.Proper]) >= 0) c.foundNominals++;
    } else if (g.type === 'PRON_PER' && PRONOUNS.has(text.slice(g.start, g.end).toLowerCase()) && !quoted[g.start]) {
      c.goldPronouns++;
      if (kindAt(g.end, [MentionKind.Pronoun]) >= 0) c.foundPronouns++;
    }
    if (g.chain) for (const i of ourByEnd.get(g.end) ?? []) if (m[3 * i] >= g.start) chainOfOur.set(i, g.chain);
  }
  // Precision of our names: resolved proper-name mentions that are gold person mentions.
  const goldPerEnds = new Set(per.map((g) => g.end));
  for (let i = 0; i < n; i++) {
    if (m[3 * i + 2] !== MentionKind.Proper || doc.mentionCharacters[i] < 0) continue;
    c.predNames++;
    if (goldPerEnds.has(m[3 * i + 1])) c.predNamesGold++;
  }
  // Pronoun links through the nearest earlier proper name of the same character.
  const lastName = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = m[3 * i + 2];
    const ch = doc.mentionCharacters[i];
    if (k === MentionKind.Proper && ch >= 0) lastName.set(ch, i);
    if (k !== MentionKind.Pronoun || ch < 0 || quoted[m[3 * i]]) continue;
    const gchain = chainOfOur.get(i);
    const anchor = lastName.get(ch);
    const achain = anchor === undefined ? undefined : chainOfOur.get(anchor);
    if (!gchain || !achain) {
      c.linksUnjudged++;
      continue;
    }
    c.linksJudged++;
    if (gchain === achain) c.linksRight++;
  }
  // Gold pronouns (outside quotes) whose chain has a proper name earlier: could be linked.
  const seenChainName = new Set<string>();
  for (const g of per) {
    if (g.type === 'PROP_PER' && g.chain) seenChainName.add(g.chain);
    else if (g.type === 'PRON_PER' && g.chain && seenChainName.has(g.chain) && PRONOUNS.has(text.slice(g.start, g.end).toLowerCase()) && !quoted[g.start]) c.goldLinkable++;
  }
  // Name clustering, pairwise over gold names we found.
  for (let a = 0; a < goldNameOur.length; a++) {
    for (let b = a + 1; b < goldNameOur.length; b++) {
      const sameGold = goldNameOur[a][0] === goldNameOur[b][0];
      const ca = doc.mentionCharacters[goldNameOur[a][1]];
      const cb = doc.mentionCharacters[goldNameOur[b][1]];
      const samePred = ca >= 0 && ca === cb;
      if (sameGold) c.namePairsGold++;
      if (samePred) c.namePairsPred++;
      if (sameGold && samePred) c.namePairsBoth++;
    }
  }
  if (gold.quotes) scoreLitbankSpeakers(gold, doc, c);
  return c;
}

/**
 * Speakers of LitBank's attributed quotes, with our own cast. Each of our characters stands for the
 * gold chain holding most of its name and description mentions (or, lacking any, of its other
 * mentions), a mention matched to a gold chain mention by end offset as above. A gold quote takes the speaker of the utterance whose quote spans
 * overlap it most; it is right when that character stands for the quote's chain. Undetected quotes
 * count as wrong.
 */
function scoreLitbankSpeakers(gold: LitbankDoc, doc: Document, c: LitbankCounts): void {
  const chainAt = new Map<number, LitbankMention[]>();
  for (const g of gold.mentions) if (g.chain) (chainAt.get(g.end) ?? chainAt.set(g.end, []).get(g.end)!).push(g);
  const m = doc.mentions;
  // Votes of name/description mentions; other mentions (pronouns, a narrator's `I`) vote apart and
  // decide only for a character with no name or description matched, such as an unnamed narrator.
  const votes = doc.characters.map(() => new Map<string, number>());
  const otherVotes = doc.characters.map(() => new Map<string, number>());
  for (let i = 0; i < doc.mentionCount; i++) {
    const ch = doc.mentionCharacters[i];
    if (ch < 0) continue;
    const kind = m[3 * i + 2];
    // Of the gold chain mentions ending here, the innermost that holds ours (`Mary` in `Aunt Mary`).
    let g: LitbankMention | undefined;
    for (const x of chainAt.get(m[3 * i + 1]) ?? []) if (x.start <= m[3 * i] && (!g || x.start > g.start)) g = x;
    if (!g) continue;
    const v = kind === MentionKind.Proper || kind === MentionKind.Nominal ? votes[ch] : otherVotes[ch];
    v.set(g.chain, (v.get(g.chain) ?? 0) + 1);
  }
  const argmax = (v: Map<string, number>): string => {
    let best = '';
    let bestN = 0;
    for (const [chain, k] of v) if (k > bestN) [best, bestN] = [chain, k];
    return best;
  };
  const chainOfCharacter = votes.map((v, ch) => argmax(v) || argmax(otherVotes[ch]));
  const q = doc.quotes;
  const nq = doc.quoteCount;
  let first = 0; // our quotes are in text order, and so are the gold ones
  for (const gq of gold.quotes!) {
    if (!gq.chain) continue;
    c.quotesGold++;
    while (first < nq && q[4 * first + 1] <= gq.start) first++;
    const overlapOf = new Map<number, number>();
    for (let k = first; k < nq && q[4 * k] < gq.end; k++) {
      const ov = Math.min(q[4 * k + 1], gq.end) - Math.max(q[4 * k], gq.start);
      if (ov > 0) overlapOf.set(q[4 * k + 3], (overlapOf.get(q[4 * k + 3]) ?? 0) + ov);
    }
    if (overlapOf.size === 0) continue;
    c.quotesDetected++;
    let utt = -1;
    let most = 0;
    for (const [u, ov] of overlapOf) if (ov > most) [utt, most] = [u, ov];
    const speaker = doc.speakers[utt] ?? -1;
    const chain = speaker >= 0 ? chainOfCharacter[speaker] : '';
    if (!chain) c.quotesNoChain++;
    else if (chain === gq.chain) c.quotesRight++;
  }
}

export function addLitbankCounts(into: LitbankCounts, from: LitbankCounts): void {
  for (const k of Object.keys(into) as (keyof LitbankCounts)[]) into[k] += from[k];
}

export interface LitbankResult {
  total: LitbankCounts;
  /** Sum over the excerpts not from a ranker training novel (see inRankerTraining). */
  heldOut: LitbankCounts;
  /** Speaker counts only, on the texts with their spacing restored (see restoreLitbankSpacing). */
  restored: LitbankCounts;
  restoredHeldOut: LitbankCounts;
  perDoc: { name: string; inRankerTraining: boolean; counts: LitbankCounts; restored?: LitbankCounts }[];
}

/** An excerpt with ordinary spacing restored and its gold offsets moved with it. */
export function restoredLitbankDoc(d: LitbankDoc): LitbankDoc {
  const { text, at } = restoreLitbankSpacing(d.text);
  return {
    name: d.name,
    text,
    mentions: d.mentions.map((m) => ({ ...m, start: at[m.start], end: at[m.end] })),
    ...(d.quotes ? { quotes: d.quotes.map((q) => ({ ...q, start: at[q.start], end: at[q.end] })) } : {}),
  };
}

/** Speaker counts of one excerpt read with its spacing restored (the other counts stay zero). */
function restoredSpeakerCounts(d: LitbankDoc): LitbankCounts {
  const c = emptyLitbankCounts();
  c.docs = 1;
  const r = restoredLitbankDoc(d);
  scoreLitbankSpeakers(r, analyzeDocument(r.text, { source: d.name }), c);
  return c;
}

export function evaluateLitbank(docs: readonly LitbankDoc[]): LitbankResult {
  const total = emptyLitbankCounts();
  const heldOut = emptyLitbankCounts();
  const restored = emptyLitbankCounts();
  const restoredHeldOut = emptyLitbankCounts();
  const perDoc: LitbankResult['perDoc'] = [];
  for (const d of docs) {
    const doc = analyzeDocument(d.text, { source: d.name });
    const counts = scoreLitbankDoc(d, doc);
    const trained = inRankerTraining(d.name);
    const r = d.quotes ? restoredSpeakerCounts(d) : undefined;
    perDoc.push({ name: d.name, inRankerTraining: trained, counts, ...(r ? { restored: r } : {}) });
    addLitbankCounts(total, counts);
    if (!trained) addLitbankCounts(heldOut, counts);
    if (r) {
      addLitbankCounts(restored, r);
      if (!trained) addLitbankCounts(restoredHeldOut, r);
    }
  }
  return { total, heldOut, restored, restoredHeldOut, perDoc };
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : ((100 * a) / b).toFixed(1));

function speakerLine(label: string, t: LitbankCounts): string {
  return `  speakers (own cast) ${label} ${t.quotesGold} quotes (${t.docs} excerpts), detected ${pct(t.quotesDetected, t.quotesGold)}%, right ${pct(t.quotesRight, t.quotesGold)}% (${t.quotesRight}/${t.quotesGold}; ${t.quotesNoChain} detected with no speaker chain)`;
}

export function formatLitbank(total: LitbankCounts, heldOut?: LitbankCounts, restored?: { total: LitbankCounts; heldOut: LitbankCounts }): string {
  const t = total;
  const pairP = t.namePairsPred === 0 ? 0 : t.namePairsBoth / t.namePairsPred;
  const pairR = t.namePairsGold === 0 ? 0 : t.namePairsBoth / t.namePairsGold;
  return [
    `LitBank coref (${t.docs} excerpts)`,
    `  person names       recall ${pct(t.foundNames, t.goldNames)}% (${t.foundNames}/${t.goldNames}), precision ${pct(t.predNamesGold, t.predNames)}% (${t.predNamesGold}/${t.predNames} of our names resolved to a character)`,
    `  descriptions       recall ${pct(t.foundNominals, t.goldNominals)}% (${t.foundNominals}/${t.goldNominals}; LitBank marks every person NP, we mark determiner + person noun)`,
    `  pronouns           recall ${pct(t.foundPronouns, t.goldPronouns)}% (${t.foundPronouns}/${t.goldPronouns} he/she/they forms outside quotes)`,
    `  pronoun links      precision ${pct(t.linksRight, t.linksJudged)}% (${t.linksRight}/${t.linksJudged} judged, ${t.linksUnjudged} unjudged), recall ${pct(t.linksRight, t.goldLinkable)}% of ${t.goldLinkable} pronouns whose chain has an earlier name`,
    `  name clustering    pairwise precision ${(100 * pairP).toFixed(1)}%, recall ${(100 * pairR).toFixed(1)}% (${t.namePairsGold} same-chain pairs)`,
    ...(t.quotesGold === 0 ? [] : [...(heldOut ? [speakerLine('held-out:', heldOut)] : []), speakerLine('all:     ', t), '    (held-out: excerpts of novels the shipped ranker was not trained on; all: with its PDNC training novels)']),
    ...(!restored || restored.total.quotesGold === 0
      ? []
      : [
          speakerLine('held-out:', restored.heldOut).replace('speakers (own cast)', 'speakers, spacing restored'),
          speakerLine('all:     ', restored.total).replace('speakers (own cast)', 'speakers, spacing restored'),
          '    (the same quotes with ordinary spacing restored and a sentence line joined to the one before when it opens in lower case or a quotation is open)',
        ]),
    '',
  ].join('\n');
}

/** `dramatis eval litbank DIR`: DIR is LitBank's root (holding coref/brat) or the brat folder itself. */
export async function runLitbankEvalCommand(dir: string, opts: { json: boolean }, io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }): Promise<number> {
  let docs: LitbankDoc[];
  try {
    docs = loadLitbank(dir);
  } catch (e) {
    io.stderr.write(`dramatis eval litbank: cannot read ${dir}: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  if (docs.length === 0) {
    io.stderr.write(`dramatis eval litbank: ${dir} holds no LitBank coref files (NAME.txt + NAME.ann, or coref/brat/)\n`);
    return 2;
  }
  const { total, heldOut, restored, restoredHeldOut, perDoc } = evaluateLitbank(docs);
  if (opts.json) io.stdout.write(JSON.stringify({ corpus: 'LitBank coref', total, heldOut, restored, restoredHeldOut, documents: perDoc }, null, 2) + '\n');
  else io.stdout.write(formatLitbank(total, heldOut, { total: restored, heldOut: restoredHeldOut }));
  return 0;
}
