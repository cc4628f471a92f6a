import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeDocument } from '../src/index.js';
import { addressedBefore, freshAntecedent, isOtherReply, kinPossessor, mentionInQuote, pronounCandidates, runRules, tagAntecedent } from '../src/stages/attribution/index.js';
import { buildCandidates, FEATURE_NAMES } from '../src/stages/attribution/features.js';
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
  const addressed = withAddressed ? addressedBefore(u, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo, r.runFirst) : [];
  return pronounCandidates(doc, e.mention, u, r.genders, r.speakers, r.conv, r.para, r.notSpeaker[u], mentionInQuote(doc), addressed).map(
    ([c, s]) => [doc.characters[c].id, s],
  );
}

test('addressedBefore: whom the previous turn calls by name, its speaker left out', () => {
  const text = 'Rook sat between them.\n\n“Ilse, is the gate locked?” asked Mara.\n\n“It is,” she answered.\n';
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  assert.deepEqual(addressedBefore(1, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo, r.runFirst).map((c) => doc.characters[c].id), ['ilse']);
  assert.deepEqual(addressedBefore(0, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo, r.runFirst), []);
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

test('a kinship tag names a relative of the possessor: not the possessor, likely one of the family name', () => {
  const family: CastFile = {
    characters: [
      { id: 'tamsin', name: 'Tamsin Vale', aliases: ['Tamsin'], gender: 'she' },
      { id: 'mrsvale', name: 'Mrs. Vale', aliases: [], gender: 'she' },
      { id: 'oriel', name: 'Oriel Hart', aliases: ['Oriel'], gender: 'she' },
    ],
  };
  const text =
    'Tamsin came down late. Oriel and Mrs. Vale were already at breakfast, and Oriel was reading aloud.\n\n' +
    '“You slept well,” said Oriel.\n\n“Too well,” Tamsin said.\n\n“She always does,” said her mother.\n';
  const doc = analyzeDocument(text, { cast: family, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const e = r.evidence[2][0];
  assert.equal(doc.characters[kinPossessor(doc, e.mention)].id, 'tamsin');
  const list = pronounCandidates(doc, e.mention, 2, r.genders, r.speakers, r.conv, r.para, r.notSpeaker[2], mentionInQuote(doc));
  assert.ok(!list.some(([c]) => doc.characters[c].id === 'tamsin'), 'the possessor is not her own mother');
  assert.equal(doc.characters[list[0][0]].id, 'mrsvale');
  assert.equal(doc.characters[r.speakers[2]].id, 'mrsvale');
});

test('`replied the other` in a tag is a description of the one who did not speak last', () => {
  const pair: CastFile = {
    characters: [
      { id: 'syme', name: 'Gabriel Syme', aliases: ['Syme'], gender: 'he' },
      { id: 'gregor', name: 'Lucian Gregor', aliases: ['Gregor'], gender: 'he' },
    ],
  };
  const text =
    'Syme and Gregor walked on in silence. The other day it had rained.\n\n“You are a policeman,” said Gregor.\n\n' +
    '“I am a poet,” replied the other steadily.\n\n“Then prove it,” said Gregor.\n';
  const doc = analyzeDocument(text, { cast: pair, castOnly: true, rankerModel: null });
  const descriptions: string[] = [];
  for (let m = 0; m < doc.mentionCount; m++) if (doc.mentionText(m).startsWith('the other')) descriptions.push(doc.mentionText(m));
  assert.deepEqual(descriptions, ['the other'], '`the other day` is not a person');
  const r = runRules(doc);
  assert.deepEqual([...r.speakers].map((c) => doc.characters[c].id), ['gregor', 'syme', 'gregor']);
});

test('`replied the other` is never the one who spoke just before, with the ranker too; `continued the other` may be', () => {
  const pair: CastFile = {
    characters: [
      { id: 'syme', name: 'Gabriel Syme', aliases: ['Syme'], gender: 'he' },
      { id: 'gregor', name: 'Lucian Gregor', aliases: ['Gregor'], gender: 'he' },
    ],
  };
  // The one who answers is nobody in the cast: better no speaker than the one who asked.
  const answered = analyze('Syme met a stranger at the gate.\n\n“Is the road open?” asked Syme.\n\n“It was this morning,” replied the other.\n', { cast: pair });
  assert.notEqual(answered.quotes[1].speaker, 'syme');
  const doc = analyzeDocument('Syme met a stranger at the gate.\n\n“Is the road open?” asked Syme. “Tell me,” continued the other.\n', { cast: pair, castOnly: true, rankerModel: null });
  const other = [...Array(doc.mentionCount).keys()].filter((m) => doc.mentionText(m) === 'the other');
  assert.equal(other.length, 1);
  assert.equal(isOtherReply(doc, other[0]), false);
});

test('`said the old gentleman` is not the boy the book calls `little Pip`, nor a woman', () => {
  const pair: CastFile = {
    characters: [
      { id: 'pip', name: 'Pip Arden', aliases: ['Pip'], gender: 'he' },
      { id: 'mara', name: 'Mara Quill', aliases: ['Mara'], gender: 'she' },
    ],
  };
  const text =
    'Pip sat by the stove. The whole street called him little Pip, and little Pip he stayed; even Mara said little Pip.\n\n' +
    'There was a knock, and the door opened.\n\n“Come here, boy,” said the old gentleman at the door.\n\n“Yes, sir,” said Pip.\n';
  const quotes = analyze(text, { cast: pair }).quotes;
  assert.equal(quotes[0].speaker, null);
  assert.equal(quotes[1].speaker, 'pip');
  // `Master` is a grown-up's title as often as a boy's (`Master Orren` of an old swordsman): no child.
  const master: CastFile = { characters: [{ id: 'orren', name: 'Orren Vale', aliases: ['Orren'], gender: 'he' }, pair.characters[1]] };
  const hall =
    'Master Orren sat by the fire. Master Orren was old; the pupils said Master Orren had taught their fathers.\n\n' +
    'Mara came in from the yard.\n\n“You are late,” said the old man.\n';
  assert.equal(analyze(hall, { cast: master }).quotes[0].speaker, 'orren');
  // `the younger man` may be the one called `little Pip`: he stays a candidate.
  const younger = text.replace('said the old gentleman at the door', 'said the younger man at the door');
  assert.equal(analyze(younger, { cast: pair, castOnly: true, rankerModel: null }).quotes[0].speaker, 'pip');
});

test('a description resolved to a woman keeps her: the title word (`the Captain`) does not make it male', () => {
  const crew: CastFile = {
    characters: [
      { id: 'ana', name: 'Ana Vell', aliases: ['Captain Vell', 'the Captain'], gender: 'she' },
      { id: 'jory', name: 'Jory Pike', aliases: ['Jory'], gender: 'he' },
    ],
  };
  const text = 'Captain Vell sat on the crate while Jory loaded the cart.\n\n“Nobody calls me that,” said Jory.\n\n“Nobody has had the chance,” the Captain said.\n';
  const doc = analyzeDocument(text, { cast: crew, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const e = r.evidence[1][0];
  assert.equal(doc.characters[doc.mentionCharacters[e.mention]].id, 'ana');
  const list = pronounCandidates(doc, e.mention, 1, r.genders, r.speakers, r.conv, r.para, r.notSpeaker[1], mentionInQuote(doc), []);
  assert.equal(doc.characters[list[0][0]].id, 'ana');
  assert.ok(!list.some(([c]) => doc.characters[c].id === 'jory'), 'the other gender is not a candidate');
});

test('tagAntecedent: the subject of the latest clause before a tag pronoun, not the sentence\'s first name', () => {
  // The cast stage takes the leftmost she of the sentence (Ilse); a reader takes the subject of the
  // clause that leads into the line (Mara). Objects (`told Ilse`) never count.
  const text = 'When Ilse had gone up to bed, Mara sat down by the fire.\n\n“Cold out there,” she said.\n\nRook told Ilse the news.\n\n“Well,” he said.\n';
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const inQuote = mentionInQuote(doc);
  const of = (u: number) => {
    const m = r.evidence[u][0].mention;
    const c = tagAntecedent(doc, m, doc.mentionGenders[m], r.genders, inQuote);
    return c >= 0 ? doc.characters[c].id : null;
  };
  assert.equal(of(0), 'mara');
  assert.equal(of(1), 'rook');
});

test('tagAntecedent: a possessor or an object of a preposition is no antecedent; none when no sentence holds one', () => {
  const text = 'The letter was from Rook. It lay on the table with Rook\u2019s gloves.\n\n“Who sent it?” he asked.\n';
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const m = r.evidence[0][0].mention;
  assert.equal(tagAntecedent(doc, m, doc.mentionGenders[m], r.genders, mentionInQuote(doc)), -1);
});

test('a tag pronoun takes its antecedent from the narration since the previous turn before that turn\'s addressee', () => {
  const four: CastFile = {
    characters: [
      { id: 'tamas', name: 'Tamas', gender: 'he' },
      { id: 'rook', name: 'Rook', gender: 'he' },
      { id: 'ivo', name: 'Ivo', gender: 'he' },
      { id: 'mara', name: 'Mara', gender: 'she' },
    ],
  };
  const text =
    'Tamas and Rook had the table by the window. Mara was late.\n\n“She always is,” said Rook.\n\n“Not always,” said Tamas.\n\n' +
    '“Always.” Rook drained his glass. “Your round, Tamas.”\n\n“Your round, Rook,” said Tamas.\n\n' +
    'The door swung open. Ivo came in out of the snow, stamping his boots.\n\n“Not a word,” he said.\n';
  const doc = analyzeDocument(text, { cast: four, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const u = 5;
  const e = r.evidence[u][0];
  const inQuote = mentionInQuote(doc);
  const addressed = addressedBefore(u, r.para, r.conv, r.speakers, r.vocatives, r.spokenTo, r.runFirst);
  assert.deepEqual(addressed.map((c) => doc.characters[c].id), ['rook']);
  assert.equal(doc.characters[freshAntecedent(doc, e.mention, u, r.genders, r.speakers, r.conv, r.para, inQuote)].id, 'ivo');
  const list = pronounCandidates(doc, e.mention, u, r.genders, r.speakers, r.conv, r.para, r.notSpeaker[u], inQuote, addressed);
  assert.equal(doc.characters[list[0][0]].id, 'ivo', 'the one who just came in, not the one Tamas called');
  assert.equal(doc.characters[r.speakers[u]].id, 'ivo');
  // The ranker's `vocative_prev` says the same: the addressee is not answering here.
  const table = buildCandidates(doc, r);
  const f = FEATURE_NAMES.indexOf('vocative_prev');
  for (let k = table.offsets[u]; k < table.offsets[u + 1]; k++) assert.equal(table.features[k * FEATURE_NAMES.length + f], 0);
});

test('the previous turn\'s addressee still answers when the narration since names only the one who asked', () => {
  const text = 'Rook sat between them.\n\n“Is the gate locked, Ilse?” asked Mara.\n\nMara waited.\n\n“It is,” she said.\n';
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const e = r.evidence[1][0];
  assert.equal(freshAntecedent(doc, e.mention, 1, r.genders, r.speakers, r.conv, r.para, mentionInQuote(doc)), -1);
  const ilse = (list: Array<[string, number]>) => list.find((x) => x[0] === 'ilse')?.[1] ?? 0;
  assert.ok(ilse(candidatesOf(text, 1)) - ilse(candidatesOf(text, 1, false)) >= 4, 'the addressee keeps her vote');
});

test('a beat naming someone other than the previous speaker also turns off that turn\'s addressee vote (vocative_prev)', () => {
  const trio: CastFile = {
    characters: [
      { id: 'tamas', name: 'Tamas', gender: 'he' },
      { id: 'rook', name: 'Rook', gender: 'he' },
      { id: 'ivo', name: 'Ivo', gender: 'he' },
    ],
  };
  const text =
    'Tamas and Rook had the table by the window.\n\n“Your round, Rook,” said Tamas.\n\n' +
    'The door swung open and Ivo came in out of the snow. “Not a word.”\n';
  const doc = analyzeDocument(text, { cast: trio, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  assert.equal(doc.characters[r.speakers[1]].id, 'ivo');
  const table = buildCandidates(doc, r);
  const f = FEATURE_NAMES.indexOf('vocative_prev');
  for (let k = table.offsets[1]; k < table.offsets[2]; k++) assert.equal(table.features[k * FEATURE_NAMES.length + f], 0, doc.characters[table.candidates[k]].id);
});
