/**
 * Developer tool: how many occurrences of a given cast's listed names and aliases (as written, word
 * bounded, case as listed) are no mention of that entry, and the gold-cast attribution errors near
 * them. Usage: node --import tsx scripts/given-name-coverage.ts PDNC_ROOT [--list N]
 */
import { listPdncNovelDirs, loadPdncNovel, goldCastFile } from '../src/eval/pdnc.js';
import { analyzeDocument } from '../src/index.js';

const [root] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const listN = process.argv.includes('--list') ? Number(process.argv[process.argv.indexOf('--list') + 1]) : 0;
let totErrNone = 0, totLonger = 0, totOcc = 0, totFound = 0, totNoMention = 0, totOther = 0, totErr = 0, totErrNear = 0, totQuotes = 0;
for (const dir of listPdncNovelDirs(root)) {
  const novel = loadPdncNovel(dir);
  const cast = goldCastFile(novel.characters);
  const doc = analyzeDocument(novel.text, { cast, castOnly: true });
  const text = novel.text;
  const m = doc.mentions;
  const idIdx = new Map(doc.characters.map((c, i) => [c.id, i]));
  // Listed name (as written) → entries.
  const owners = new Map<string, Set<number>>();
  cast.characters.forEach((c) => {
    for (const nm of [c.name, ...(c.aliases ?? [])]) {
      if (nm === 'Narrator') continue;
      const k = nm.trim();
      (owners.get(k) ?? owners.set(k, new Set()).get(k)!).add(idIdx.get(c.id!)!);
    }
  });
  // Quote spans, to tell narration from speech.
  const inQuote = (p: number): boolean => {
    let lo = 0, hi = doc.quoteCount;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (doc.quotes[4 * mid + 1] <= p) lo = mid + 1; else hi = mid; }
    return lo < doc.quoteCount && doc.quotes[4 * lo] <= p;
  };
  /** Missed occurrences (not a mention of an owner) by paragraph, with their owners. */
  const missedByPar = new Map<number, Set<number>>();
  const missedNames = new Map<string, number>();
  const noneByPar = new Map<number, Set<number>>();
  let inLonger = 0, occ = 0, found = 0, noMention = 0, other = 0;
  for (const [nm, own] of owners) {
    const esc = nm.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu');
    for (const mt of text.matchAll(re)) {
      const s = mt.index!, e = s + nm.length;
      occ++;
      let any = false, ok = false, longer = false;
      for (let i = Math.max(0, doc.mentionAtOrAfter(s) - 3); i < doc.mentionCount && m[3 * i] < e; i++) {
        if (m[3 * i + 1] <= s) continue;
        any = true;
        if (own.has(doc.mentionCharacters[i])) ok = true;
        if (m[3 * i] <= s && m[3 * i + 1] >= e && m[3 * i + 1] - m[3 * i] > e - s && doc.mentionCharacters[i] >= 0) longer = true;
      }
      if (ok) { found++; continue; }
      // Part of a longer name that is linked (`Beebe` in `Mr. Beebe`): the longer name decides.
      if (longer) { inLonger++; continue; }
      if (any) other++; else noMention++;
      const q = inQuote(s) ? 'Q' : 'N';
      const key = `${nm} [${any ? 'other' : 'none'} ${q}]`;
      missedNames.set(key, (missedNames.get(key) ?? 0) + 1);
      const p = doc.paragraphAt(s);
      if (!any) {
        const ns = noneByPar.get(p) ?? noneByPar.set(p, new Set()).get(p)!;
        for (const o of own) ns.add(o);
      }
      const set = missedByPar.get(p) ?? missedByPar.set(p, new Set()).get(p)!;
      for (const o of own) set.add(o);
    }
  }
  // Gold-cast errors with a missed occurrence of the gold speaker's listed name in the quote's paragraph or the one before.
  let errNone = 0, err = 0, errNear = 0, nq = 0;
  for (const q of novel.quotes) {
    if (!q.speakerId) continue;
    let k = -1;
    for (let i = 0; i < doc.quoteCount; i++) if (doc.quotes[4 * i] < q.spans[1] && doc.quotes[4 * i + 1] > q.spans[0]) { k = i; break; }
    if (k < 0) continue;
    nq++;
    const u = doc.quotes[4 * k + 3];
    const sp = doc.speakers[u];
    if (sp >= 0 && doc.characters[sp].id === q.speakerId) continue;
    err++;
    const gi = idIdx.get(q.speakerId);
    const p = doc.quotes[4 * k + 2];
    if (gi !== undefined && (noneByPar.get(p)?.has(gi) || noneByPar.get(p - 1)?.has(gi))) errNone++;
    if (gi !== undefined && (missedByPar.get(p)?.has(gi) || missedByPar.get(p - 1)?.has(gi))) errNear++;
  }
  console.log(`${novel.name.padEnd(30)} listed-name occurrences ${occ}: mention of the entry ${found}, inside a longer linked mention ${inLonger}, no mention ${noMention}, other/unlinked mention ${other}; errors ${err}/${nq}, with a missed name of the gold speaker in its paragraph or the one before ${errNear} (no mention at all: ${errNone})`);
  if (listN > 0) console.log('   ', [...missedNames].sort((a, b) => b[1] - a[1]).slice(0, listN).map(([k, v]) => `${k} ${v}`).join('; '));
  totOcc += occ; totErrNone += errNone; totLonger += inLonger; totFound += found; totNoMention += noMention; totOther += other; totErr += err; totErrNear += errNear; totQuotes += nq;
}
console.log(`TOTAL occurrences ${totOcc}: found ${totFound}, inside longer ${totLonger}, no mention ${totNoMention}, other/unlinked ${totOther}; errors ${totErr}/${totQuotes}, near a missed gold name ${totErrNear} (no mention at all: ${totErrNone})`);
