/** Back-to-back lines (consecutive paragraphs, nothing or a short tag between them): the links the turn chain reads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/index.js';
import { backToBack } from '../src/stages/attribution/back-to-back.js';
import type { CastFile } from '../src/types.js';

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
