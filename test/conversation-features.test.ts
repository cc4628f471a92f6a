import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/index.js';
import { runRules } from '../src/stages/attribution/index.js';
import { buildCandidates, FEATURE_NAMES, NUM_FEATURES } from '../src/stages/attribution/features.js';
import type { CastFile } from '../src/types.js';

const cast: CastFile = {
  characters: [
    { id: 'mara', name: 'Mara Quill', aliases: ['Mara'], gender: 'she' },
    { id: 'rook', name: 'Rook Ellery', aliases: ['Rook'], gender: 'he' },
    { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' },
  ],
};

/** Feature value of character `id` at utterance u (undefined when not a candidate). */
function featureOf(text: string, u: number, id: string, name: (typeof FEATURE_NAMES)[number]): number | undefined {
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const table = buildCandidates(doc, runRules(doc));
  const c = doc.characters.findIndex((x) => x.id === id);
  for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) {
    if (table.candidates[k] === c) return table.features[k * NUM_FEATURES + FEATURE_NAMES.indexOf(name)];
  }
  return undefined;
}

const talk = [
  'The lamp had burned low. Tam had gone out an hour before.',
  '“Have you seen Tam since the thaw?” Mara asked.',
  '“Not since the harbour.”',
  'Rook set his cup down on the crate and frowned at the window.',
  '“Then where has he gone, Rook?”',
].join('\n\n');

test('the one talked about near a line is marked, and so is the one called by name', () => {
  // Tam is named in Mara's question, not called: talked about near the second line.
  assert.ok((featureOf(talk, 1, 'tam', 'talked_about_nearby') ?? 0) > 0);
  assert.equal(featureOf(talk, 1, 'mara', 'talked_about_nearby') ?? 0, 0);
  // Rook is called by name in the last line: near the second line, he is someone in the room.
  assert.ok((featureOf(talk, 1, 'rook', 'called_nearby') ?? 0) > 0);
});
