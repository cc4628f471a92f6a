/**
 * LitBank's quotation layer as a held-out measure of speaker attribution with our own cast: the
 * QUOTE/ATTRIB parser and its sentence/token → offset mapping on an invented excerpt, the scoring
 * of speakers through gold chains, and (when ../shared is present) the real files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateLitbank, formatLitbank, inRankerTraining, loadLitbank, parseLitbankAnn, parseLitbankQuotes, RANKER_TRAINING_TITLES, restoredLitbankDoc, scoreLitbankDoc } from '../src/eval/litbank.ts';
import { restoreLitbankSpacing } from '../src/eval/litbank-spacing.ts';
import type { LitbankDoc } from '../src/eval/litbank.ts';
import { analyzeDocument } from '../src/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared', 'data');
const LITBANK = join(SHARED, 'litbank');
const skip = existsSync(join(LITBANK, 'quotations', 'tsv')) && existsSync(join(LITBANK, 'coref', 'brat')) ? false : `LitBank quotations not found at ${LITBANK}`;

// One sentence per line, tokens split by single spaces, as LitBank lays its texts out.
const LINES = [
  'Nora Quill met Tom Bell by the gate .',
  '“ Where have you been ? ” said Nora .',
  '“ At the mill , ” said Tom .',
  '“ All day ?',
  'I waited , ” said Nora .',
  'The bell rang twice .',
];
const TEXT = LINES.join('\n');
const at = (s: string, from = 0): number => TEXT.indexOf(s, from);

const QUOTES_TSV = [
  'QUOTE\tQ1\t1\t0\t1\t6\t“ Where have you been ? ”',
  'QUOTE\tQ2\t2\t0\t2\t5\t“ At the mill , ”',
  'QUOTE\tQ3\t3\t0\t4\t3\t“ All day ? I waited , ”',
  // Narration marked as a quote: no span of ours overlaps it, so it counts as undetected.
  'QUOTE\tQ4\t5\t0\t5\t3\tThe bell rang twice',
  'QUOTE\tQ5\t2\t0\t2\t99\tout of range',
  'QUOTE\tQ6\t0\t0\t0\t1\tNora Quill',
  'ATTRIB\tQ1\tNora_Quill-0',
  'ATTRIB\tQ2\tTom_Bell-1',
  'ATTRIB\tQ3\tNora_Quill-0',
  'ATTRIB\tQ4\tNora_Quill-0',
  'ATTRIB\tQ5\tTom_Bell-1',
].join('\n');

test('LitBank quotations: sentence/token ids map to character offsets; ATTRIB gives the chain', () => {
  const quotes = parseLitbankQuotes(QUOTES_TSV, TEXT);
  const shown = quotes.map((q) => [TEXT.slice(q.start, q.end), q.chain]);
  assert.deepEqual(shown, [
    ['Nora Quill', ''],
    ['“ Where have you been ? ”', 'Nora_Quill-0'],
    ['“ At the mill , ”', 'Tom_Bell-1'],
    ['“ All day ?\nI waited , ”', 'Nora_Quill-0'],
    ['The bell rang twice', 'Nora_Quill-0'],
  ]);
  assert.equal(quotes[1].start, at('“ Where'));
  assert.equal(quotes[3].end, at(', ”', at('I waited')) + 3);
  // The last line has no trailing newline: its last token still ends at the text's end.
  assert.deepEqual(parseLitbankQuotes('QUOTE\tQ9\t5\t3\t5\t4\tx', TEXT).map((q) => TEXT.slice(q.start, q.end)), ['twice .']);
});

test('LitBank quotations: speakers scored through the gold chain our character stands for', () => {
  const span = (s: string, chain: string, from = 0): string => {
    const i = at(s, from);
    return `${i} ${i + s.length}\t${s}`;
  };
  let t = 0;
  const ann: string[] = [];
  const add = (s: string, chain: string, from = 0): void => {
    ann.push(`T${++t}\tPROP_PER ${span(s, chain, from)}`, `T${++t}\t${chain} ${span(s, chain, from)}`);
  };
  add('Nora Quill', 'Nora_Quill-0');
  add('Tom Bell', 'Tom_Bell-1');
  add('Nora', 'Nora_Quill-0', at('said Nora'));
  add('Tom', 'Tom_Bell-1', at('said Tom'));
  add('Nora', 'Nora_Quill-0', at('said Nora', at('I waited')));
  const gold: LitbankDoc = { name: '9_invented_brat', text: TEXT, mentions: parseLitbankAnn(ann.join('\n')), quotes: parseLitbankQuotes(QUOTES_TSV, TEXT) };
  const doc = analyzeDocument(TEXT, { source: gold.name });
  const c = scoreLitbankDoc(gold, doc);
  assert.equal(c.quotesGold, 4);
  assert.equal(c.quotesDetected, 3);
  assert.equal(c.quotesRight, 3);
  assert.equal(c.quotesNoChain, 0);
  // Without the quotation layer nothing is counted, and the output leaves the lines out.
  const bare = scoreLitbankDoc({ ...gold, quotes: undefined }, doc);
  assert.equal(bare.quotesGold, 0);
  assert.doesNotMatch(formatLitbank(bare, bare), /speakers/);
  assert.match(formatLitbank(c, c), /speakers \(own cast\) held-out: 4 quotes .* detected 75\.0%, right 75\.0%/);
});

test('LitBank excerpts of the ranker training novels are told apart by title words', () => {
  assert.ok(inRankerTraining('208_daisy_miller_a_study_brat'), "expected: inRankerTraining('208_daisy_miller_a_study_brat')");
  assert.ok(inRankerTraining('160_the_awakening_and_selected_short_stories_brat'), "expected: inRankerTraining('160_the_awakening_and_selected_short_stories_brat')");
  assert.ok(inRankerTraining('105_persuasion_brat'), "expected: inRankerTraining('105_persuasion_brat')");
  assert.ok(!inRankerTraining('113_the_secret_garden_brat'), "expected: !inRankerTraining('113_the_secret_garden_brat')");
  // A title that only starts like a training title is not one.
  assert.ok(!inRankerTraining('1_persuasions_of_the_heart_brat'), "expected: !inRankerTraining('1_persuasions_of_the_heart_brat')");
  assert.ok(!inRankerTraining('2_the_gamblers_wife_brat'), "expected: !inRankerTraining('2_the_gamblers_wife_brat')");
});

test('LitBank quotations: the real files parse to the quoted text, and the training titles are PDNC\'s', { skip }, () => {
  const docs = loadLitbank(LITBANK);
  let attributed = 0;
  for (const d of docs) {
    const tsv = join(LITBANK, 'quotations', 'tsv', `${d.name}.ann`);
    if (!existsSync(tsv)) continue;
    assert.ok(d.quotes, d.name);
    const rows = readFileSync(tsv, 'utf8').split('\n').filter((l) => l.startsWith('QUOTE'));
    const words = (s: string): string => s.replace(/\s+/g, ' ').trim();
    assert.deepEqual(d.quotes.map((q) => words(d.text.slice(q.start, q.end))).sort(), rows.map((l) => words(l.split('\t')[6])).sort(), d.name);
    attributed += d.quotes.filter((q) => q.chain).length;
  }
  assert.ok(attributed >= 1200, `attributed ${attributed}`);
  const pdnc = join(SHARED, 'pdnc');
  if (existsSync(pdnc)) {
    const folders = readdirSync(pdnc, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name.toLowerCase()).sort();
    assert.deepEqual([...RANKER_TRAINING_TITLES].map((t) => t.replace(/ /g, '')).sort(), folders);
  }
});

test('LitBank quotations: speaker attribution with our own cast stays above its floor', { skip }, () => {
  const { total, heldOut, restored, restoredHeldOut } = evaluateLitbank(loadLitbank(LITBANK));
  const msg = JSON.stringify({ total, heldOut, restored, restoredHeldOut });
  assert.ok(heldOut.quotesGold >= 1000 && heldOut.quotesGold < total.quotesGold, msg);
  assert.ok(total.quotesDetected / total.quotesGold >= 0.85, msg);
  assert.ok(heldOut.quotesRight / heldOut.quotesGold >= 0.44, msg);
  // The same quotes read with ordinary spacing: the single-quoted excerpts are found too.
  assert.equal(restoredHeldOut.quotesGold, heldOut.quotesGold, msg);
  assert.ok(restored.quotesDetected / restored.quotesGold >= 0.96, msg);
  assert.ok(restoredHeldOut.quotesRight / restoredHeldOut.quotesGold >= 0.53, msg);
});

test('LitBank spacing restored: marks, clitics and punctuation rejoin their words; tag lines join their quote', () => {
  const raw = ["' It 's over , Mrs. Bell ! '", 'said the nurse ( softly ) .', '“ Do n’t go .', 'Stay , ” he said .', "The Joneses ' dog barked ."].join('\n');
  const { text, at } = restoreLitbankSpacing(raw);
  assert.equal(text, "'It's over, Mrs. Bell!' said the nurse (softly).\n“Don’t go. Stay,” he said.\nThe Joneses' dog barked.");
  // Every original offset maps, in order, and a kept character lands on itself.
  assert.equal(at.length, raw.length + 1);
  for (let i = 0; i < raw.length; i++) {
    assert.ok(at[i] <= at[i + 1]);
    if (raw[i] !== ' ' && raw[i] !== '\n') assert.equal(text[at[i]], raw[i], `offset ${i}`);
  }
  // An elided `'Tis` opens no quotation; a line reopening an open mark is the same speech's next paragraph.
  assert.equal(restoreLitbankSpacing("' Tis a pity , she thought .\n' Hello , ' he said .").text, "'Tis a pity, she thought.\n'Hello,' he said.");
  assert.equal(restoreLitbankSpacing('" I went home .\n" Then I slept , " he said .').text, '"I went home.\n"Then I slept," he said.');
  // Gold spans move with the text.
  const doc: LitbankDoc = {
    name: 'x',
    text: raw,
    mentions: [{ start: raw.indexOf('Mrs. Bell'), end: raw.indexOf('Mrs. Bell') + 9, type: 'PROP_PER', chain: 'Bell-0' }],
    quotes: [{ start: 0, end: raw.indexOf("! '") + 3, chain: 'Bell-0' }],
  };
  const r = restoredLitbankDoc(doc);
  assert.equal(r.text.slice(r.mentions[0].start, r.mentions[0].end), 'Mrs. Bell');
  assert.equal(r.text.slice(r.quotes![0].start, r.quotes![0].end), "'It's over, Mrs. Bell!'");
});
