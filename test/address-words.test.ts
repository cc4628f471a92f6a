import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/index.js';
import { addressedGenders, addressReferents, addressWords } from '../src/stages/attribution/address.js';
import { runRules } from '../src/stages/attribution/index.js';
import { GenderCode } from '../src/document/document.js';

function gendersOf(lines: string[]): number[] {
  const doc = analyzeDocument(lines.join('\n\n') + '\n');
  return [...addressedGenders(doc)];
}

test('a word of address closed by a mark tells the gender of the one spoken to', () => {
  assert.deepEqual(
    gendersOf(['“Yes, sir.”', '“Thank you, my dear girl!”', '“Mother, the kettle.”', '“Come along, old man—”', '“Are you sure, ma’am?”']),
    [GenderCode.He, GenderCode.She, GenderCode.She, GenderCode.He, GenderCode.She],
  );
});

test('the same words not used to address anyone tell nothing', () => {
  assert.deepEqual(
    gendersOf(['“Sir Walter came by.”', '“I saw the girl.”', '“His mother said so.”', '“A man, a plan.”', '“Never mind.”']),
    // `A man, a plan.`: `man` is opened by a determiner, not by a comma or the start of the line.
    [GenderCode.Unknown, GenderCode.Unknown, GenderCode.Unknown, GenderCode.Unknown, GenderCode.Unknown],
  );
});

test('words of address of both genders in one line cancel out', () => {
  assert.deepEqual(gendersOf(['“Good evening, sir. Good evening, madam.”']), [GenderCode.Unknown]);
});

test('up to three modifiers may stand between the comma and the word of address', () => {
  assert.deepEqual(
    gendersOf(['“Come here, my dear old boy.”', '“Hush, my poor dear little girl!”', '“It is my dear old father’s, my boy.”']),
    [GenderCode.He, GenderCode.Unknown, GenderCode.He],
  );
});

test('an exclamation is no word of address: `Oh, man!`, `Oh, boy.`', () => {
  assert.deepEqual(gendersOf(['“Oh, man, that was close.”', '“Ah, boy.”', '“Come on, man!”']), [GenderCode.Unknown, GenderCode.Unknown, GenderCode.He]);
});

test('addressWords lists the words a line calls someone by, not those said to a company', () => {
  const doc = analyzeDocument(['“Father, the kettle. Yes, my dear.”', '“Ladies, sit down.”', '“The father of the bride.”'].join('\n\n') + '\n');
  assert.deepEqual(addressWords(doc), [['father', 'dear'], [], []]);
});

test('a word of address stands for the one who answers it, when one person does most of the answering', () => {
  const words = [['father'], [], ['father'], [], ['father'], ['dear'], ['dear']];
  // Utterance u is answered by answers[u] (-1: no tagged answer).
  const answers = [3, -1, 3, -1, 4, 3, 4];
  const genders = new Uint8Array([GenderCode.She, GenderCode.He, GenderCode.He, GenderCode.He, GenderCode.She]);
  // Too few answers: nothing learned.
  assert.deepEqual([...addressReferents(words, (u) => answers[u], genders)], []);
  const more = [...words, ['father'], ['father']];
  const moreAnswers = [...answers, 3, 2];
  // `father` answered by 3 three times out of five: 3; `dear` split 3/4: no one.
  assert.deepEqual([...addressReferents(more, (u) => moreAnswers[u], genders)], [['father', 3]]);
  // A word whose gender clashes with the one who answers it stands for no one (a daughter answering for her father).
  const fem = new Uint8Array([GenderCode.She, GenderCode.He, GenderCode.He, GenderCode.She, GenderCode.She]);
  assert.deepEqual([...addressReferents(more, (u) => moreAnswers[u], fem)], []);
});

test('an untagged line calling someone by a word the story has tied to them rules them out as its speaker', () => {
  const story = [
    'Ansel Tarrow sat by the fire with his daughter Wenna.',
    '“Father, the snow is coming,” said Wenna.',
    '“Let it come,” said Ansel.',
    '“Father, the goats are out,” said Wenna.',
    '“Then fetch them,” said Ansel.',
    '“Father, the roof is leaking,” said Wenna.',
    '“Then mend it,” said Ansel.',
    'The wind rose over the ridge.',
    '“Father, are you asleep?”',
    '“Not yet.”',
  ].join('\n\n') + '\n';
  const doc = analyzeDocument(story);
  const ansel = doc.characters.findIndex((c) => c.name.startsWith('Ansel'));
  const wenna = doc.characters.findIndex((c) => c.name.startsWith('Wenna'));
  assert.ok(ansel >= 0 && wenna >= 0, doc.characters.map((c) => c.name).join(', '));
  const rules = runRules(doc);
  const last = doc.utteranceCount - 1;
  assert.ok(rules.vocatives[last - 1].includes(ansel), 'the untagged `Father,` calls Ansel');
  assert.equal(doc.speakers[last - 1], wenna);
  assert.equal(doc.speakers[last], ansel);
});

test('a word of address is also learned from the tagged line it answers', () => {
  const story = [
    'Ansel Tarrow sat by the fire with his daughter Wenna.',
    '“The snow is coming,” said Ansel.',
    '“Father, let it come.”',
    '“The goats are out,” said Ansel.',
    '“Father, I will fetch them.”',
    '“The roof is leaking,” said Ansel.',
    '“Father, I will mend it.”',
  ].join('\n\n') + '\n';
  const doc = analyzeDocument(story);
  const ansel = doc.characters.findIndex((c) => c.name.startsWith('Ansel'));
  const rules = runRules(doc);
  // Every `Father,` line answers a line name-tagged Ansel: `father` is Ansel, and calls him.
  for (const u of [1, 3, 5]) assert.ok(rules.vocatives[u].includes(ansel), `line ${u} calls Ansel`);
});
