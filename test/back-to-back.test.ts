/** Back-to-back lines (consecutive paragraphs, nothing between them) decoded as a chain: two speakers, not one twice. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../src/index.js';
import { backToBack, decodeBackToBack } from '../src/stages/attribution/back-to-back.js';
import type { CastFile } from '../src/types.js';

/** One utterance per paragraph; candidates 0 (Ada) and 1 (Bram) each, with Ada's probability given. */
function chain(ada: number[], links = ada.map((_, u) => (u > 0 ? 1 : 0))) {
  const n = ada.length;
  const offsets = Int32Array.from({ length: n + 1 }, (_, u) => 2 * u);
  const candidates = Int32Array.from({ length: 2 * n }, (_, k) => k % 2);
  const probs = Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? ada[k >> 1] : 1 - ada[k >> 1]));
  const chosen = Int32Array.from(ada, (p, u) => 2 * u + (p >= 0.5 ? 0 : 1));
  const speakers = Int32Array.from(chosen, (k) => k % 2);
  return { n, offsets, candidates, probs, chosen, speakers, links: Uint8Array.from(links) };
}

test('a repeat across a bare break goes to the line that is least sure of its speaker', () => {
  // Ada (sure), Ada again (a weak lean), Ada (sure): the middle line is Bram's.
  const c = chain([0.97, 0.6, 0.97]);
  decodeBackToBack({ ...c, allowed: new Uint8Array(2 * c.n).fill(1), fixed: new Uint8Array(c.n) });
  assert.deepEqual([...c.speakers], [0, 1, 0]);
  assert.deepEqual([...c.chosen], [0, 3, 4]);
});

test('a chain with no repeat is left as the ranker chose it', () => {
  const c = chain([0.9, 0.2, 0.55, 0.3]);
  const before = [...c.speakers];
  decodeBackToBack({ ...c, allowed: new Uint8Array(2 * c.n).fill(1), fixed: new Uint8Array(c.n) });
  assert.deepEqual([...c.speakers], before);
});

test('lines that are not back to back are not decoded together', () => {
  // Narration stands between the two lines: the same speaker may well go on.
  const c = chain([0.9, 0.8], [0, 0]);
  decodeBackToBack({ ...c, allowed: new Uint8Array(2 * c.n).fill(1), fixed: new Uint8Array(c.n) });
  assert.deepEqual([...c.speakers], [0, 0]);
});

test('a fixed line keeps its speaker and a disallowed candidate is never chosen', () => {
  // The second line is fixed to Ada (a name tag): the first, only a lean to Ada, becomes Bram's.
  const fixed = Uint8Array.from([0, 1]);
  const c = chain([0.7, 0.6]);
  decodeBackToBack({ ...c, allowed: new Uint8Array(2 * c.n).fill(1), fixed });
  assert.deepEqual([...c.speakers], [1, 0]);
  // Bram ruled out for the first line (say, it calls him by name): both stay Ada rather than break the rule.
  const d = chain([0.7, 0.6]);
  decodeBackToBack({ ...d, allowed: Uint8Array.from({ length: 2 * d.n }, (_, k) => (k === 1 ? 0 : 1)), fixed });
  assert.deepEqual([...d.speakers], [0, 0]);
});

test('a line with no candidate it may take cuts the chain: each side is decoded on its own', () => {
  // Line 1 has no allowed candidate (and so no speaker); lines 2 and 3 both lean to Ada: the weaker becomes Bram's.
  const c = chain([0.9, 0.6, 0.8, 0.7]);
  c.speakers[1] = -1;
  c.chosen[1] = -1;
  const allowed = Uint8Array.from({ length: 8 }, (_, k) => (k === 2 || k === 3 ? 0 : 1));
  decodeBackToBack({ ...c, allowed, fixed: new Uint8Array(c.n) });
  assert.deepEqual([...c.speakers], [0, -1, 0, 1]);
  assert.deepEqual([...c.chosen], [0, -1, 4, 7]);
});

test('back to back: consecutive paragraphs of speech with only white space and quote marks, or a short tag, between them', () => {
  const text = '“Tea?”\n\n“Please.”\n\nShe poured. “Milk?”\n\n“No.” He took the cup. “Thanks.”\n\n* * *\n\n“Later,” she said.\n';
  const doc = analyzeDocument(text);
  // Utterances: Tea?, Please., Milk? (narration before it), No., Thanks. (same paragraph), Later (after a scene break).
  assert.equal(doc.utteranceCount, 6);
  assert.deepEqual([...backToBack(doc)], [0, 1, 0, 1, 0, 0]);
  // A short tag closing the previous paragraph is a link of its own kind; a long stretch of narration is none.
  const tagged = analyzeDocument('“Go,” said Ada.\n\n“Fine.”\n\n“Now,” said Ada, and she turned to the window and looked at the rain for a while.\n\n“Fine.”\n');
  assert.deepEqual([...backToBack(tagged)], [0, 2, 1, 0]);
});

const cast: CastFile = {
  characters: [
    { id: 'ada', name: 'Ada Marsh', aliases: ['Ada'], gender: 'she' },
    { id: 'bram', name: 'Bram Holt', aliases: ['Bram'], gender: 'he' },
  ],
};

test('an untagged exchange after a tagged line alternates between the two people present', () => {
  const text = [
    'Ada set the lantern down on the step.',
    '“You came back,” Bram said.',
    '“I said I would.”',
    '“You say a lot of things.”',
    '“And I mean most of them.”',
    '“Most.”',
    '“Most is more than you manage.”',
  ].join('\n\n');
  const doc = analyzeDocument(text, { cast, castOnly: true });
  const ids = [...doc.speakers].map((c) => (c >= 0 ? doc.characters[c].id : null));
  assert.deepEqual(ids, ['bram', 'ada', 'bram', 'ada', 'bram', 'ada']);
});

test('in the modern scenes, no two back-to-back lines go to one speaker unless a name tag says so', () => {
  const dir = join(import.meta.dirname, 'fixtures', 'modern');
  let pairs = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const castFile = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.cast.json')), 'utf8')) as CastFile;
    const doc = analyzeDocument(readFileSync(join(dir, f), 'utf8'), { cast: castFile, castOnly: true });
    const links = backToBack(doc);
    for (let u = 1; u < doc.utteranceCount; u++) {
      if (!links[u] || doc.speakers[u] < 0) continue;
      pairs++;
      const named = doc.speakerCues[u] === 'tag-name' || doc.speakerCues[u - 1] === 'tag-name';
      assert.ok(doc.speakers[u] !== doc.speakers[u - 1] || named, `${f}: lines ${u - 1} and ${u} both given to ${doc.characters[doc.speakers[u]].name}`);
    }
  }
  assert.ok(pairs > 50, `back-to-back pairs read: ${pairs}`);
});
