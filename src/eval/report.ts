/** Output of the PDNC evaluation: a fixed-width table for people, a JSON object for programs. */
import { RELIABILITY_THRESHOLDS } from './attribution-extras.js';
import type { AttributionByType, AttributionCounts } from './metrics.js';
import { prf } from './metrics.js';
import type { NovelResult, SettingResult } from './evaluate.js';
import { QUOTE_TYPES } from './pdnc.js';

const rate = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function pct(a: number, b: number): string {
  return b === 0 ? '-' : (100 * a / b).toFixed(1);
}
function pad(s: string, w: number): string {
  return s.length >= w ? s : ' '.repeat(w - s.length) + s;
}
function padEnd(s: string, w: number): string {
  return s.length >= w ? s.slice(0, w) : s + ' '.repeat(w - s.length);
}

const NAME_W = 28;

function row(r: NovelResult): string {
  const d = r.detection;
  const p = prf(d);
  const cells = [
    padEnd(r.name, NAME_W),
    pad(String(d.gold), 6),
    pad(String(d.pred), 6),
    pad(d.pred === 0 ? '-' : (100 * p.precision).toFixed(1), 6),
    pad(d.gold === 0 ? '-' : (100 * p.recall).toFixed(1), 6),
    pad(d.gold + d.pred === 0 ? '-' : (100 * p.f1).toFixed(1), 6),
    ' |',
    settingCells(r.goldCast, false),
    ' |',
    settingCells(r.ownCast, true),
    pad(`${r.ownCast.mappedCharacters}/${r.goldCharacters}`, 8),
  ];
  return cells.join('');
}

function settingCells(s: SettingResult, _own: boolean): string {
  const a = s.attribution;
  return [
    pad(pct(a.All.correct, a.All.total), 6),
    pad(pct(a.Explicit.correct, a.Explicit.total), 6),
    pad(pct(a.Anaphoric.correct, a.Anaphoric.total), 6),
    pad(pct(a.Implicit.correct, a.Implicit.total), 6),
    pad(pct(a.All.attributed, a.All.total), 6),
  ].join('');
}

/** The readable report: one row per novel, an overall row, the per-type table and notes. */
export function formatTable(results: readonly NovelResult[], overall: NovelResult, cvNote: string | null): string {
  const lines: string[] = [];
  const head1 =
    padEnd('', NAME_W) + pad('quote spans', 12) + pad('', 18) + ' |' + padEnd(' speaker, gold cast given (%)', 30) + ' |' + padEnd(' speaker, own cast (end to end, %)', 38);
  const head2 =
    padEnd('novel', NAME_W) +
    ['gold', 'pred', 'P', 'R', 'F1'].map((h) => pad(h, 6)).join('') +
    ' |' +
    ['acc', 'expl', 'anaph', 'impl', 'cov'].map((h) => pad(h, 6)).join('') +
    ' |' +
    ['acc', 'expl', 'anaph', 'impl', 'cov'].map((h) => pad(h, 6)).join('') +
    pad('chars', 8);
  lines.push(head1, head2, '-'.repeat(head2.length));
  for (const r of results) lines.push(row(r));
  lines.push('-'.repeat(head2.length));
  lines.push(row(overall));
  lines.push('');
  lines.push(...typeTable(overall));
  lines.push('');
  lines.push(...extrasTable(overall));
  lines.push('');
  lines.push(...castTable(results, overall));
  lines.push('');
  const d = overall.detection;
  const scored = overall.goldCast.attribution.All.total;
  lines.push('Notes:');
  lines.push(
    `- quote spans: predicted quote spans matched one-to-one to gold sub-quotation spans (any overlap, greedy by overlap length); ` +
      `${d.exact} of ${d.matched} matched pairs (${pct(d.exact, d.matched)}%) have identical boundaries.`,
  );
  lines.push(
    `- speaker accuracy is over ${scored} gold quotations with a named speaker ` +
      `(${overall.excludedPseudo} with PDNC's _group/_unknowable and ${overall.excludedUnmapped} with an unmapped speaker name are left out); ` +
      `a gold quotation takes the speaker of the predicted span(s) overlapping it; UNDETECTED GOLD QUOTATIONS COUNT AS WRONG. ` +
      `cov = share of them that got any speaker.`,
  );
  lines.push(
    `- own cast: each discovered character is mapped to the gold character it best matches by normalised names/aliases ` +
      `(one to one, greedy; never across honorifics of different sexes, Mr. and Mrs.); chars = gold characters matched / gold characters. Micro averages over quotations.`,
  );
  lines.push(
    `- cast: gold characters of each PDNC category paired with a discovered character by that mapping (M+I% = major and intermediate); ` +
      `alias% = gold names of major/intermediate characters that occur in the text and are among the names of the mapped character; ` +
      `merges = discovered characters holding names of two or more gold characters; gender% over mapped characters with a gold gender ` +
      `(unknown counts as wrong), g M+I% the same over major and intermediate characters.`,
  );
  const unmapped = Object.entries(overall.unmappedSpeakers);
  if (unmapped.length > 0) {
    lines.push(`- unmapped gold speaker names: ${unmapped.map(([k, v]) => `${k} (${v})`).join(', ')}`);
  }
  const byAlias = Object.keys(overall.speakersByAlias).length;
  if (byAlias > 0) {
    lines.push(`- ${byAlias} gold speaker name(s) are not a Main Name and were matched through an alias or after normalisation (listed in --json).`);
  }
  if (cvNote) lines.push(`- ${cvNote}`);
  lines.push(`- time: ${overall.seconds.toFixed(1)} s for both analyses of ${results.length} novel(s).`);
  return lines.join('\n') + '\n';
}

/** Cast measures per novel: recall of gold characters by category, alias recall, over-merges, gender. */
function castTable(results: readonly NovelResult[], overall: NovelResult): string[] {
  const out: string[] = [];
  const h =
    padEnd('cast (discovered vs gold)', NAME_W) +
    ['chars', 'major', 'interm', 'M+I%', 'minor', 'alias%', 'merges', 'gender%', 'g M+I%'].map((x) => pad(x, 8)).join('');
  out.push(h, '-'.repeat(h.length));
  const line = (r: NovelResult): string => {
    const c = r.cast;
    return (
      padEnd(r.name, NAME_W) +
      [
        String(c.predicted),
        `${c.foundMajor}/${c.goldMajor}`,
        `${c.foundIntermediate}/${c.goldIntermediate}`,
        pct(c.foundMajor + c.foundIntermediate, c.goldMajor + c.goldIntermediate),
        `${c.foundMinor}/${c.goldMinor}`,
        pct(c.aliasesFound, c.aliases),
        String(c.overMerges),
        pct(c.genderCorrect, c.genderScored),
        pct(c.genderCorrectMain, c.genderScoredMain),
      ]
        .map((x) => pad(x, 8))
        .join('')
    );
  };
  for (const r of results) out.push(line(r));
  out.push('-'.repeat(h.length));
  out.push(line(overall));
  const n = results.length;
  if (n > 0) {
    out.push(padEnd('over-merges per novel', NAME_W) + pad((overall.cast.overMerges / n).toFixed(2), 8));
    out.push(
      padEnd('  without gold duplicates', NAME_W) +
        pad((overall.cast.overMergesDistinct / n).toFixed(2), 8) +
        `  (${overall.cast.overMerges - overall.cast.overMergesDistinct} over-merges only join a gold character with a duplicate entry of it)`,
    );
  }
  return out;
}

/** Addressees and the confidence reliability table (gold-cast run). */
function extrasTable(overall: NovelResult): string[] {
  const a = overall.addressees;
  const p = rate(a.overlap, a.predicted);
  const r = rate(a.overlap, a.gold);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  const lines = [
    `addressees (gold cast, ${a.quotes} detected quotations with a named gold addressee): main addressee among ours ${pct(a.mainHit, a.quotes)}%; ` +
      `set P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(100 * f).toFixed(1)}`,
    '',
    'confidence reliability (gold cast)   quotes    right    acc%',
  ];
  RELIABILITY_THRESHOLDS.forEach((t, i) => {
    const n = overall.reliability.count[i];
    lines.push(padEnd(`  confidence >= ${t.toFixed(1)}`, 36) + pad(String(n), 8) + pad(String(overall.reliability.right[i]), 9) + pad(pct(overall.reliability.right[i], n), 8));
  });
  return lines;
}

function typeTable(overall: NovelResult): string[] {
  const out: string[] = [];
  const h =
    padEnd('quote type (all novels)', NAME_W) +
    ['quotes', 'found'].map((x) => pad(x, 8)).join('') +
    ' |' +
    ['gold cast: spkr', 'right', 'acc%'].map((x, i) => pad(x, i === 0 ? 16 : 8)).join('') +
    ' |' +
    ['own cast: spkr', 'right', 'acc%'].map((x, i) => pad(x, i === 0 ? 16 : 8)).join('');
  out.push(h, '-'.repeat(h.length));
  const g = overall.goldCast.attribution;
  const o = overall.ownCast.attribution;
  for (const t of [...QUOTE_TYPES, 'All'] as const) {
    if (t === 'Other' && g.Other.total === 0) continue;
    out.push(
      padEnd(t, NAME_W) +
        pad(String(g[t].total), 8) +
        pad(String(o[t].detected), 8) +
        ' |' +
        pad(String(g[t].attributed), 16) +
        pad(String(g[t].correct), 8) +
        pad(pct(g[t].correct, g[t].total), 8) +
        ' |' +
        pad(String(o[t].attributed), 16) +
        pad(String(o[t].correct), 8) +
        pad(pct(o[t].correct, o[t].total), 8),
    );
  }
  return out;
}

function attributionJson(a: AttributionCounts) {
  return { ...a, accuracy: round4(rate(a.correct, a.total)), coverage: round4(rate(a.attributed, a.total)) };
}

function settingJson(s: SettingResult) {
  const byType: Record<string, ReturnType<typeof attributionJson>> = {};
  for (const t of QUOTE_TYPES) byType[t] = attributionJson((s.attribution as AttributionByType)[t]);
  return {
    ...attributionJson(s.attribution.All),
    byType,
    utterances: s.utterances,
    utterancesWithSpeaker: s.utterancesWithSpeaker,
    characters: s.characters,
    mappedCharacters: s.mappedCharacters,
  };
}

export function resultJson(r: NovelResult) {
  const p = prf(r.detection);
  return {
    name: r.name,
    codePoints: r.codePoints,
    goldQuotations: r.goldQuotations,
    goldCharacters: r.goldCharacters,
    excludedFromSpeakerScoring: { pseudoSpeaker: r.excludedPseudo, unmappedSpeaker: r.excludedUnmapped },
    unmappedSpeakers: r.unmappedSpeakers,
    speakerNamesMatchedByAlias: r.speakersByAlias,
    quotes: { ...r.detection, precision: round4(p.precision), recall: round4(p.recall), f1: round4(p.f1) },
    goldCast: settingJson(r.goldCast),
    endToEnd: settingJson(r.ownCast),
    cast: {
      ...r.cast,
      recallMajorIntermediate: round4(rate(r.cast.foundMajor + r.cast.foundIntermediate, r.cast.goldMajor + r.cast.goldIntermediate)),
      aliasRecall: round4(rate(r.cast.aliasesFound, r.cast.aliases)),
      genderAccuracy: round4(rate(r.cast.genderCorrect, r.cast.genderScored)),
      ...r.castDetail,
    },
    addressees: {
      ...r.addressees,
      mainAddresseeAccuracy: round4(rate(r.addressees.mainHit, r.addressees.quotes)),
      precision: round4(rate(r.addressees.overlap, r.addressees.predicted)),
      recall: round4(rate(r.addressees.overlap, r.addressees.gold)),
    },
    reliability: RELIABILITY_THRESHOLDS.map((t, i) => ({
      minConfidence: t,
      quotes: r.reliability.count[i],
      right: r.reliability.right[i],
      accuracy: round4(rate(r.reliability.right[i], r.reliability.count[i])),
    })),
    seconds: Math.round(r.seconds * 1000) / 1000,
  };
}

export function reportJson(results: readonly NovelResult[], overall: NovelResult, cvNote: string | null) {
  return {
    corpus: 'PDNC',
    attributor: 'rules + learned ranker',
    notes: [
      'quotes: predicted quote spans matched one-to-one to gold sub-quotation spans by overlap (greedy by overlap length)',
      'speaker accuracy is over gold quotations with a named speaker; undetected gold quotations count as wrong',
      'endToEnd: discovered characters mapped to gold characters by normalised names/aliases, one to one, greedy',
      'overall: micro averages (counts summed over novels)',
      'cast: gold characters (by PDNC category) that the name mapping pairs with a discovered character; alias recall over gold names of major/intermediate characters found in the text; over-merges = discovered characters holding names of two or more gold characters; gender over mapped characters with a gold gender (unknown counts as wrong)',
      ...(cvNote ? [cvNote] : []),
    ],
    novels: results.map(resultJson),
    overall: resultJson(overall),
  };
}
