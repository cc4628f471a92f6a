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
function featureOf(text: string, u: number, id: string, name: (typeof FEATURE_NAMES)[number], given: CastFile = cast): number | undefined {
  const doc = analyzeDocument(text, { cast: given, castOnly: true, rankerModel: null });
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
  assert.ok((featureOf(talk, 1, 'tam', 'talked_about_nearby') ?? 0) > 0, "expected: (featureOf(talk, 1, 'tam', 'talked_about_nearby') ?? 0) > 0");
  assert.equal(featureOf(talk, 1, 'mara', 'talked_about_nearby') ?? 0, 0);
  // Rook is called by name in the last line: near the second line, he is someone in the room.
  assert.ok((featureOf(talk, 1, 'rook', 'called_nearby') ?? 0) > 0, "expected: (featureOf(talk, 1, 'rook', 'called_nearby') ?? 0) > 0");
});

test('a tag pronoun marks the subject of the clause before it as its antecedent', () => {
  const text = 'When Mara had gone up, Tam sat down by the stove and Rook went out.\n\n“Cold night,” he said.\n';
  assert.equal(featureOf(text, 0, 'rook', 'tag_antecedent'), 1);
  assert.equal(featureOf(text, 0, 'tam', 'tag_antecedent') ?? 0, 0);
});

test('a gendered word of address in the turn before marks candidates of that gender, and clashes with the other', () => {
  const text = ['Mara, Rook and Tam waited on the quay.', '“Is the boat in, sir?” Mara asked.', '“Not yet.”'].join('\n\n');
  assert.equal(featureOf(text, 1, 'rook', 'address_prev_match'), 1);
  assert.equal(featureOf(text, 1, 'mara', 'address_prev_clash'), 1);
  assert.equal(featureOf(text, 1, 'mara', 'address_prev_match') ?? 0, 0);
});

test('someone whose last mention before the paragraph is an exit is marked as gone', () => {
  const text = ['Tam nodded to them both, and then Tam went out.', '“Good riddance,” said Rook.', '“Be kind.”'].join('\n\n');
  assert.equal(featureOf(text, 1, 'tam', 'left_scene'), 1);
  assert.equal(featureOf(text, 1, 'rook', 'left_scene') ?? 0, 0);
});

test('the subject of the last sentence of a narration paragraph is marked for the line that opens the next paragraph', () => {
  const text = [
    'Rook came in from the yard. Mara had been waiting by the stove for an hour, and she was cold.',
    '“Where were you?”',
    '“Out.”',
  ].join('\n\n');
  assert.equal(featureOf(text, 0, 'mara', 'prev_paragraph_subject'), 1);
  assert.equal(featureOf(text, 0, 'rook', 'prev_paragraph_subject') ?? 0, 0);
  // The second line follows a line, not narration.
  assert.equal(featureOf(text, 1, 'mara', 'prev_paragraph_subject') ?? 0, 0);
});

test('when the narration ends on a sentence about no one, the subject of the sentence before is the one marked', () => {
  const text = [
    'Rook came in from the yard. Mara looked up at him. The question had been waiting all day.',
    '“Where were you?”',
  ].join('\n\n');
  assert.equal(featureOf(text, 0, 'mara', 'prev_paragraph_subject'), 1);
  assert.equal(featureOf(text, 0, 'rook', 'prev_paragraph_subject') ?? 0, 0);
});

test('a line with nothing else to go on goes to the one the narration before it ends on, not to the last name in it', () => {
  const text = ['The stove ticked. Mara looked across the room at Rook, who was studying his boots.', '“You knew.”'].join('\n\n');
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const rules = runRules(doc);
  assert.equal(doc.characters[rules.speakers[0]].id, 'mara');
  // The output says why: the narration's subject, not merely the last one mentioned.
  assert.equal(rules.cues[0], 'narration-subject');
});

test('the one the narration ends on leaving the room does not take the next line', () => {
  const text = ['Rook sat by the stove and read. Mara sat with him.', 'Mara picked up her coat. Mara left the room.', '\u201cGood riddance.\u201d'].join('\n\n');
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  assert.equal(doc.characters[runRules(doc).speakers[0]].id, 'rook');
});

test('a tag that says a listed name exactly (the article aside) marks that character; a description nobody is listed by marks nobody', () => {
  const listed: CastFile = {
    characters: [
      { id: 'sec', name: 'Secretary', gender: 'he' },
      { id: 'rook', name: 'Rook Ellery', aliases: ['Rook'], gender: 'he' },
    ],
  };
  const at = (text: string, u: number, id: string): number | undefined => featureOf(text, u, id, 'evidence_listed_name', listed);
  const text = ['Rook and the Secretary sat over the map.', '“We leave at dawn,” said the Secretary.', '“Then we leave hungry,” said the old sailor.'].join('\n\n');
  assert.equal(at(text, 0, 'sec'), 1);
  assert.equal(at(text, 0, 'rook') ?? 0, 0);
  // `the old sailor` is nobody's listed name.
  assert.equal(at(text, 1, 'sec') ?? 0, 0);
  assert.equal(at(text, 1, 'rook') ?? 0, 0);
});

test('the focus of a tag pronoun is the subject of the narration before it, not one named in passing, as an object or in a tag', () => {
  // Tam is the man named last, but only as an object or a possessor: the narration follows Rook.
  const text = [
    '“Go on up,” said Tam.',
    'Rook climbed the stair to the loft. He lit the lamp. They had told him nothing of the letter. Tam’s boat lay at the quay below. Rook read the letter twice and nodded to Tam.',
    '“It changes nothing,” he said.',
  ].join('\n\n');
  assert.equal(featureOf(text, 1, 'rook', 'subject_focus'), 1);
  assert.equal(featureOf(text, 1, 'tam', 'subject_focus'), 0);
  assert.equal(featureOf(text, 1, 'tam', 'same_gender_recent1'), 1);
  // A tagged line before is talk, not narration: `said Tam` gives Tam no focus.
  const talkFirst = ['Rook sat by the stove.', '“Go on up,” said Tam.', '“Not yet,” he said.'].join('\n\n');
  assert.equal(featureOf(talkFirst, 1, 'rook', 'subject_focus'), 1);
  assert.equal(featureOf(talkFirst, 1, 'tam', 'subject_focus') ?? 0, 0);
  // Without a tag pronoun there is no focus to read.
  const untagged = ['Mara wiped the table. Mara looked at the door. Rook came in.', '“You are late.”'].join('\n\n');
  assert.equal(featureOf(untagged, 0, 'mara', 'subject_focus') ?? 0, 0);
});

test('who a back-to-back run calls by name tells the sides: called an odd number of turns away, on this line’s side', () => {
  const run = [
    'Mara and Rook sat on the sea wall. Tam was asleep in the boat.',
    '“Cold,” Mara said.',
    '“Colder tomorrow.”',
    '“You always say that, Rook.”',
    '“And I am always right.”',
    '“Not always.”',
    '“Name one time, Mara.”',
  ].join('\n\n');
  // Line 3 (`And I am always right.`): Rook is called one turn before it (an odd distance: this
  // line's side), Mara two turns after it (an even distance: the other side).
  assert.ok((featureOf(run, 3, 'rook', 'run_called_other') ?? 0) > 0, 'Rook, called by the line before, is on the side of line 3');
  assert.ok((featureOf(run, 3, 'mara', 'run_called_same') ?? 0) > 0, 'Mara, called two lines after, is on the other side');
  assert.equal(featureOf(run, 3, 'mara', 'run_called_other') ?? 0, 0);
  // The first line is tagged, but the run still reaches it: Rook called at distance 2 (same parity: the other side).
  assert.ok((featureOf(run, 0, 'rook', 'run_called_same') ?? 0) > 0);
});

test('someone the narration names only after their first words is a candidate, marked named_ahead', () => {
  const given: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara Quill', aliases: ['Mara'], gender: 'she' },
      { id: 'ives', name: 'Ives Dunmore', aliases: ['Ives'], gender: 'he' },
      { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' },
    ],
  };
  const text = [
    'Mara sat alone by the stove and listened to the wind. The shutters rattled all evening.',
    '“Is anyone there?” called a voice from the yard.',
    'Nobody answered. The latch lifted, and the door swung in on the dark.',
    'It was Ives, snow on his collar, a lantern in his hand.',
  ].join('\n\n');
  const ahead = featureOf(text, 0, 'ives', 'named_ahead', given);
  assert.ok(ahead !== undefined && ahead > 0, `named_ahead of Ives: ${ahead}`);
  // Mara is named before the line, not after it.
  assert.equal(featureOf(text, 0, 'mara', 'named_ahead', given) ?? 0, 0);
  // Tam is never named: no candidate.
  assert.equal(featureOf(text, 0, 'tam', 'named_ahead', given), undefined);
});
