import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/index.js';
import { addressedBefore, mentionInQuote, pronounCandidates, runRules } from '../src/stages/attribution/index.js';
import type { CastFile } from '../src/types.js';

const cast: CastFile = {
  characters: [
    { id: 'mara', name: 'Mara Quill', aliases: ['Mara'], gender: 'she' },
    { id: 'ilse', name: 'Ilse Brand', aliases: ['Ilse'], gender: 'she' },
    { id: 'rook', name: 'Rook Ellery', aliases: ['Rook'], gender: 'he' },
  ],
};

/** The pronoun candidates of utterance u's tag, as [character id, score], best first. */
function candidatesOf(text: string, u: number, withAddressed = true): Array<[string, number]> {
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const e = r.evidence[u][0];
  const addressed = withAddressed ? addressedBefore(u, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo) : [];
  return pronounCandidates(doc, e.mention, u, r.genders, r.speakers, r.conv, r.para, r.notSpeaker[u], mentionInQuote(doc), addressed).map(
    ([c, s]) => [doc.characters[c].id, s],
  );
}

test('addressedBefore: whom the previous turn calls by name, its speaker left out', () => {
  const text = 'Rook sat between them.\n\n“Ilse, is the gate locked?” asked Mara.\n\n“It is,” she answered.\n';
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  assert.deepEqual(addressedBefore(1, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo).map((c) => doc.characters[c].id), ['ilse']);
  assert.deepEqual(addressedBefore(0, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo), []);
});

test('a pronoun tag favours the one the previous turn addressed', () => {
  const text = 'Rook sat between them.\n\n“Ilse, is the gate locked?” asked Mara.\n\n“It is,” she answered.\n';
  const score = (list: Array<[string, number]>, id: string) => list.find((x) => x[0] === id)?.[1] ?? 0;
  const plain = candidatesOf(text, 1, false);
  const withAddressed = candidatesOf(text, 1, true);
  assert.ok(score(withAddressed, 'ilse') - score(plain, 'ilse') >= 4, 'the addressee gains');
  assert.ok(!withAddressed.some((x) => x[0] === 'rook'), 'the other gender is never a candidate');
});

test('the cast stage\'s resolution of the tag pronoun leads among same-gender candidates', () => {
  // Ilse is named more often, but the pronoun's antecedent is Mara, the subject just before the line.
  const text = 'Ilse and Rook waited. Ilse watched the road. Later Mara came in from the rain.\n\n“Cold out there,” she said.\n';
  assert.equal(candidatesOf(text, 0)[0][0], 'mara');
});
