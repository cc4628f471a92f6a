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
 * The brat texts are pre-tokenised (`Sir Walter Elliot , of Kellynch Hall`); offsets index them as
 * they are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MentionKind } from '../document/document.js';
import { analyzeDocument } from '../index.js';
import type { Document } from '../document/document.js';

export interface LitbankMention {
  start: number;
  end: number;
  /** PROP_PER, NOM_PER, PRON_PER, or another type (FAC, GPE…). */
  type: string;
  /** Chain label (`Sir_Walter_Elliot-0`), or '' when the mention has none. */
  chain: string;
}

export interface LitbankDoc {
  name: string;
  text: string;
  mentions: LitbankMention[];
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

/** Documents of a LitBank coref/brat folder (or of LitBank's root, which holds coref/brat). */
export function loadLitbank(dir: string): LitbankDoc[] {
  const brat = existsSync(join(dir, 'coref', 'brat')) ? join(dir, 'coref', 'brat') : dir;
  const names = readdirSync(brat)
    .filter((f) => f.endsWith('.ann'))
    .map((f) => f.slice(0, -4))
    .filter((n) => existsSync(join(brat, `${n}.txt`)))
    .sort();
  return names.map((name) => ({
    name,
    text: readFileSync(join(brat, `${name}.txt`), 'utf8'),
    mentions: parseLitbankAnn(readFileSync(join(brat, `${name}.ann`), 'utf8')),
  }));
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
  return c;
}

export function addLitbankCounts(into: LitbankCounts, from: LitbankCounts): void {
  for (const k of Object.keys(into) as (keyof LitbankCounts)[]) into[k] += from[k];
}

export function evaluateLitbank(docs: readonly LitbankDoc[]): { total: LitbankCounts; perDoc: { name: string; counts: LitbankCounts }[] } {
  const total = emptyLitbankCounts();
  const perDoc: { name: string; counts: LitbankCounts }[] = [];
  for (const d of docs) {
    const doc = analyzeDocument(d.text, { source: d.name });
    const counts = scoreLitbankDoc(d, doc);
    perDoc.push({ name: d.name, counts });
    addLitbankCounts(total, counts);
  }
  return { total, perDoc };
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : ((100 * a) / b).toFixed(1));

export function formatLitbank(total: LitbankCounts): string {
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
  const { total, perDoc } = evaluateLitbank(docs);
  if (opts.json) io.stdout.write(JSON.stringify({ corpus: 'LitBank coref', total, documents: perDoc }, null, 2) + '\n');
  else io.stdout.write(formatLitbank(total));
  return 0;
}
