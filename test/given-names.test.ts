import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MentionKind } from '../src/document/document.js';
import { analyze, analyzeDocument } from '../src/index.js';
import type { CastFile } from '../src/types.js';

/** Proper-name mentions of an analysis with a given cast, with the id of the entry each is linked to. */
function namesOf(text: string, cast: CastFile): [string, string | null][] {
  const doc = analyzeDocument(text, { cast, castOnly: true });
  const out: [string, string | null][] = [];
  for (let i = 0; i < doc.mentionCount; i++) {
    if (doc.mentions[3 * i + 2] !== MentionKind.Proper) continue;
    const c = doc.mentionCharacters[i];
    out.push([doc.mentionText(i), c >= 0 ? doc.characters[c].id : null]);
  }
  return out;
}

test('a listed kin word used once as a name is a mention of its entry, and its tag names the speaker', () => {
  const cast: CastFile = { characters: [{ id: 'jess', name: 'Jess', gender: 'she' }, { id: 'mum', name: 'Mum', gender: 'she' }] };
  const text = 'Jess sat on the low wall by the depot and waited.\n\n“Where are you now?” said Mum.\n\n“At the stop,” said Jess.\n';
  assert.deepEqual(namesOf(text, cast).filter(([n]) => n === 'Mum'), [['Mum', 'mum']]);
  assert.deepEqual(analyze(text, { cast, castOnly: true }).quotes.map((q) => q.speaker), ['mum', 'jess']);
});

test('a listed name our finder passes by at a sentence start (`Kelly`, like an adverb) is a mention', () => {
  const cast: CastFile = { characters: [{ id: 'kelly', name: 'Kelly', gender: 'she' }, { id: 'rudd', name: 'Rudd Kipling', gender: 'he' }] };
  const text = 'Kelly opened the shed. Kipling nodded at the mess inside.';
  // `Kipling` comes from the listed `Rudd Kipling` (a derived key).
  assert.deepEqual(namesOf(text, cast), [['Kelly', 'kelly'], ['Kipling', 'rudd']]);
});

test('a listed verb-like name is no mention where the text uses the word as a verb', () => {
  const cast: CastFile = { characters: [{ id: 'will', name: 'Will', gender: 'he' }, { id: 'ada', name: 'Ada', gender: 'she' }] };
  const text = 'Will you stay? I will not, and she will not. Ada looked at Will. She WILL not wait, he thought.';
  assert.deepEqual(namesOf(text, cast), [['Ada', 'ada'], ['Will', 'will']]);
});

test('a listed person word (`Nanny`) opening a sentence is the name even where the text also writes it in lower case', () => {
  const cast: CastFile = { characters: [{ id: 'nanny', name: 'Nanny', gender: 'she' }, { id: 'pip', name: 'Pip', gender: 'he' }] };
  const text = 'Aunt Clem wanted the nanny to stay on, and the nanny would not. Pip fell off the gate. Nanny rose at once. “Are you hurt?”';
  assert.deepEqual(namesOf(text, cast).filter(([, id]) => id !== null), [['Pip', 'pip'], ['Nanny', 'nanny']]);
  assert.deepEqual(analyze(text, { cast, castOnly: true }).quotes.map((q) => q.speaker), ['nanny']);
});

test('a listed person word called in lower case (`please, nanny, may I?`) is a mention of its entry, and the common noun is not', () => {
  const cast: CastFile = { characters: [{ id: 'nanny', name: 'Nanny', gender: 'she' }, { id: 'pip', name: 'Pip', gender: 'he' }] };
  const text = '“Can I ride again, please, nanny, just once?” said Pip. “Ask your mother. A nanny has no say in it.” “Thanks, nanny.”';
  assert.deepEqual(namesOf(text, cast).filter(([, id]) => id !== null), [['nanny', 'nanny'], ['Pip', 'pip'], ['nanny', 'nanny']]);
  // In the narration, the same shape is a list.
  assert.deepEqual(namesOf('Pip packed a cook, nanny, and a maid into the cart.', cast).filter(([, id]) => id !== null), [['Pip', 'pip']]);
});

test('a lower-case listed nickname is a mention, but not after a determiner', () => {
  const cast: CastFile = { characters: [{ id: 'bobby', name: 'Bobby Tarn', aliases: ['bub'], gender: 'he' }, { id: 'nell', name: 'Nell', gender: 'she' }] };
  const text = '“Come on,” said Nell. “Coming,” said bub, and a bub of a dog barked.';
  assert.deepEqual(namesOf(text, cast), [['Nell', 'nell'], ['bub', 'bobby']]);
  assert.deepEqual(analyze(text, { cast, castOnly: true }).quotes.map((q) => q.speaker), ['nell', 'bobby']);
});

test('a listed name with lower-case words inside is one mention, not the pieces our finder sees', () => {
  const cast: CastFile = { characters: [{ id: 'maud', name: 'Maud the Lame', gender: 'she' }, { id: 'osk', name: 'Osk', gender: 'he' }] };
  const text = 'Osk waited while Maud the Lame crossed the yard.';
  assert.deepEqual(namesOf(text, cast), [['Osk', 'osk'], ['Maud the Lame', 'maud']]);
});

test('a listed common capitalised word is a name alone, not inside another capitalised phrase', () => {
  const cast: CastFile = { characters: [{ id: 'sunday', name: 'Sunday', gender: 'he' }, { id: 'pim', name: 'Pim', gender: 'he' }] };
  const text = 'Pim went to Sunday School on Sunday, every Sunday, then to the Bloody Sunday march. “Late again,” said Sunday.';
  // (`Bloody` and `Late` are our own finder's guesses, linked to nobody.)
  assert.deepEqual(namesOf(text, cast).filter(([, id]) => id !== null), [['Pim', 'pim'], ['Sunday', 'sunday']]);
  // Only days and months are dates, and a month not after `on`: `since Christian left` and `counted on June` are people.
  const family: CastFile = { characters: [{ id: 'christian', name: 'Christian', gender: 'he' }, { id: 'june', name: 'June', gender: 'she' }] };
  const named = namesOf('Nothing was the same since Christian left. We counted on June, every June since.', family).filter(([, id]) => id !== null);
  assert.deepEqual(named, [['Christian', 'christian'], ['June', 'june']]);
});

test('a listed name shared by two entries is a mention of neither', () => {
  const cast: CastFile = { characters: [{ id: 'kit1', name: 'Kit Arran', aliases: ['Kit'], gender: 'he' }, { id: 'kit2', name: 'Kit Moss', aliases: ['Kit'], gender: 'she' }] };
  const text = 'Morning came. Kit laughed.';
  assert.deepEqual(namesOf(text, cast), [['Kit', null]]);
});

test('a listed place is no name', () => {
  const cast: CastFile = { characters: [{ id: 'lord', name: 'Alder Voss', aliases: ['Brampton Hall'], gender: 'he' }] };
  const text = 'Voss rode out of Brampton Hall at dawn.';
  assert.deepEqual(namesOf(text, cast), [['Voss', 'lord']]);
});

test('a pronoun listed as a name is left to the pronoun passes', () => {
  const cast: CastFile = { characters: [{ id: 'me', name: 'Wren', aliases: ['I'], gender: 'she' }, { id: 'tob', name: 'Tobin', gender: 'he' }] };
  const text = '“I know,” said Tobin.';
  assert.deepEqual(namesOf(text, cast), [['Tobin', 'tob']]);
});
