/**
 * The cast on hand-written passages: each kind of link (apposition, copula, a description that keeps
 * pointing at the one character who fits, a vocative answered by a known character, the narrator's
 * name), the ones that must not link, families and non-people, gender, importance, given casts,
 * --cast-only and the cast hint.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, MentionKind } from '../src/document/document.js';
import { runPipeline } from '../src/pipeline/run.js';
import { analyze, analyzeDocument } from '../src/index.js';
import { opensWithQuote } from '../src/stages/cast/forms.js';
import type { AnalyzeOptions } from '../src/types.js';
import { cleanHint } from '../src/stages/cast/index.js';
import { main } from '../src/cli/main.js';

function cast(text: string, options: AnalyzeOptions = {}): Document {
  return runPipeline(new Document(text), options, 'cast');
}
/** Name of the character the n-th mention with this exact text resolves to (null when unresolved). */
function who(doc: Document, mentionText: string, nth = 0): string | null {
  let seen = 0;
  for (let i = 0; i < doc.mentionCount; i++) {
    if (doc.mentionText(i) === mentionText && seen++ === nth) {
      const c = doc.mentionCharacters[i];
      return c < 0 ? null : doc.characters[c].name;
    }
  }
  throw new Error(`no mention "${mentionText}" (#${nth})`);
}
function char(doc: Document, name: string) {
  const c = doc.characters.find((x) => x.name === name);
  assert.ok(c, `no character ${name} among ${doc.characters.map((x) => x.name).join(', ')}`);
  return c!;
}

test('apposition: the description is linked, with its evidence, and follows the character later', () => {
  const doc = cast(
    [
      'Dace Holloway, the ex-smuggler, came down to the harbour before dawn. Wren Abernathy waited for him by the nets.',
      'The tide was low. Dace looked at the boats, and he said nothing for a while.',
      '"You are late," said Wren. She handed him a cup.',
      'The ex-smuggler drank it and laughed. Wren watched the ex-smuggler with a frown.',
    ].join('\n\n'),
  );
  const dace = char(doc, 'Dace Holloway');
  assert.equal(who(doc, 'the ex-smuggler'), 'Dace Holloway');
  assert.equal(who(doc, 'The ex-smuggler'), 'Dace Holloway');
  assert.equal(who(doc, 'the ex-smuggler', 1), 'Dace Holloway');
  const link = dace.links?.find((l) => l.evidence === 'apposition');
  assert.ok(link, JSON.stringify(dace.links));
  assert.equal(link!.text, 'the ex-smuggler');
  assert.ok(link!.confidence >= 0.8 && link!.confidence <= 1, "expected: link!.confidence >= 0.8 && link!.confidence <= 1");
  assert.equal(doc.text.slice(link!.start, link!.end), 'the ex-smuggler');
  assert.ok(dace.aliases.includes('the ex-smuggler'), dace.aliases.join('|'));
});

test('copula: "X was the Y" links; "X was a Y" (a predicate) does not', () => {
  const doc = cast(
    [
      'Ilse Marrow was the harbourmaster. She kept the ledgers, and she rarely smiled.',
      'Tobin Vey was a quiet man. He mended nets on the pier.',
      'The harbourmaster counted the boats. Ilse Marrow closed the ledger, and Tobin Vey went home.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'the harbourmaster'), 'Ilse Marrow');
  assert.ok(char(doc, 'Ilse Marrow').links?.some((l) => l.evidence === 'copula'), "expected: char(doc, 'Ilse Marrow').links?.some((l) => l.evidence === 'copula')");
  assert.equal(who(doc, 'a quiet man'), null);
});

test('must not link: a list of names, and a description of the wrong gender', () => {
  const doc = cast(
    [
      'Marta Quell, the captain, and Ebb Rook stood on the deck.',
      'Ebb Rook, the old woman, was not there at all.',
      'Marta laughed, and she turned away. Ebb shrugged, and he went below.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'the captain'), null);
  assert.equal(who(doc, 'the old woman'), null);
});

test('descriptive: a description whose scenes keep holding the one character who fits it', () => {
  const scenes: string[] = [];
  for (let k = 0; k < 5; k++) {
    scenes.push(`Marisol Vance crossed the yard. She was tired, and Tomas Reyes walked beside her. The redhead stopped at the gate, and Tomas waited.`);
    scenes.push(`Tomas Reyes talked about the weather for a while. He liked rain.`);
    scenes.push(`The ships came in, and the gulls cried over the water all afternoon.`);
    scenes.push(`Nobody came down the road. The bell rang twice in the town.`);
    scenes.push(`Old Pell Garrow swept the steps. He swept them every day, and he sang.`);
    scenes.push(`The wind rose in the evening. The boats knocked against the quay.`);
  }
  const doc = cast(scenes.join('\n\n'));
  assert.equal(who(doc, 'The redhead'), 'Marisol Vance');
  assert.equal(who(doc, 'The redhead', 4), 'Marisol Vance');
  assert.ok(char(doc, 'Marisol Vance').links?.some((l) => l.evidence === 'descriptive'), "expected: char(doc, 'Marisol Vance').links?.some((l) => l.evidence === 'descriptive')");
  // Not an alias: only apposition and copula make aliases.
  assert.ok(!char(doc, 'Marisol Vance').aliases.includes('The redhead'), "expected: !char(doc, 'Marisol Vance').aliases.includes('The redhead')");
});

test('descriptive must not link when two characters of that gender share every scene', () => {
  const scenes: string[] = [];
  for (let k = 0; k < 5; k++) {
    scenes.push(`Marisol Vance crossed the yard. She was tired. Ada Greer followed; she was cold. The redhead stopped at the gate.`);
    scenes.push(`The ships came in, and the gulls cried over the water all afternoon.`);
    scenes.push(`Nobody came down the road. The bell rang twice in the town.`);
  }
  const doc = cast(scenes.join('\n\n'));
  assert.equal(who(doc, 'The redhead'), null);
});

test('vocative: a first name said to a character known by title, answered by that character, joins them', () => {
  const parts: string[] = [];
  for (let k = 0; k < 3; k++) {
    parts.push(`"Maggie, the tea is cold," said Mr. Hale.`);
    parts.push(`"Then ring for more," said Mrs. Hale.`);
  }
  parts.push('Mrs. Hale rang the bell, and she sat down.');
  const doc = cast(parts.join('\n\n'));
  assert.equal(who(doc, 'Maggie'), 'Mrs. Hale');
  assert.equal(who(doc, 'Mr. Hale'), 'Mr. Hale');
  const mrs = char(doc, 'Mrs. Hale');
  assert.ok(mrs.aliases.includes('Maggie'), "expected: mrs.aliases.includes('Maggie')");
  assert.ok(mrs.links?.some((l) => l.evidence === 'vocative' && l.text === 'Maggie'), "expected: mrs.links?.some((l) => l.evidence === 'vocative' && l.text === 'Maggie')");
});

test('vocative: a title and surname said to someone, answered by a bare first name, is that first name (the narration calls him Tobias)', () => {
  const doc = cast(
    [
      'Tobias stood by the window. Nell Parrish poured the tea, and she watched him.',
      '"Will you take sugar, Mr. Quarrel?"',
      '"None, thank you," said Tobias.',
      '"You are very quiet tonight, Mr. Quarrel--are you tired?"',
      'Tobias said, "A little."',
      'Tobias smiled, and he sat down by the fire.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Tobias'), who(doc, 'Mr. Quarrel'));
  assert.ok(who(doc, 'Tobias') !== null, "expected: who(doc, 'Tobias') !== null");
  const c = doc.characters.find((x) => x.aliases.includes('Tobias'))!;
  assert.ok(c.aliases.includes('Mr. Quarrel'), c.aliases.join('|'));
});

test('address and answer: a title and surname (Signor Pardi) is the first name who answers the turn before, acts right after, or opens the next turn', () => {
  const doc = cast(
    [
      'Luca came in from the vineyard, and he set a jug on the table. Nora Vance watched him.',
      '"More wine?" asked Luca.',
      '"No, thank you. But a wedding, Signor Pardi, is a serious step," said Nora.',
      'Nora said, "Take the cup, Signor Pardi, and drink to it." Luca obeyed her, and he smiled.',
      '"You must not laugh at us, Signor Pardi."',
      'Luca laughed all the same, and he went out to the yard.',
    ].join('\n\n'),
  );
  assert.ok(who(doc, 'Luca') !== null, "expected: who(doc, 'Luca') !== null");
  assert.equal(who(doc, 'Signor Pardi'), who(doc, 'Luca'));
  const c = doc.characters.find((x) => x.aliases.includes('Luca'))!;
  assert.ok(c.aliases.includes('Signor Pardi'), c.aliases.join('|'));
  assert.ok(c.links?.some((l) => l.evidence === 'vocative'), "expected: c.links?.some((l) => l.evidence === 'vocative')");
});

test('address and answer: a titled name opening a sentence inside the quote (". Mr. Quarrel, will you") is an address', () => {
  const doc = cast(
    [
      'Tobias stood by the window. Nell Parrish poured the tea, and she watched him.',
      '"The kettle is slow tonight. Mr. Quarrel, will you take sugar?"',
      '"None, thank you," said Tobias.',
      '"You are very quiet tonight, Mr. Quarrel."',
      'Tobias said, "A little."',
      'Tobias smiled, and he sat down by the fire.',
    ].join('\n\n'),
  );
  assert.ok(who(doc, 'Tobias') !== null, "expected: who(doc, 'Tobias') !== null");
  assert.equal(who(doc, 'Mr. Quarrel'), who(doc, 'Tobias'));
});

test('address and answer must not join a first name named beside the titled one (two people in one sentence)', () => {
  const doc = cast(
    [
      'Edith sat with Mrs. Crane in the parlour. Edith and Mrs. Crane had not spoken for a week.',
      '"More tea, Mrs. Crane?" said Lucy Hart.',
      '"Thank you, no," said Edith.',
      '"You are pale, Mrs. Crane."',
      'Edith said, "It is the heat."',
      '"Do sit down, Mrs. Crane," said Lucy Hart.',
      '"I will," said Edith. Mrs. Crane looked at Edith, and she frowned.',
    ].join('\n\n'),
  );
  assert.ok(who(doc, 'Edith') !== null, "expected: who(doc, 'Edith') !== null");
  assert.notEqual(who(doc, 'Mrs. Crane'), who(doc, 'Edith'));
});

test('address and answer must not join a child who addresses her teacher (Mrs. Hudson) and whom the replies call by name', () => {
  const called = cast(
    [
      'Emma ran into the classroom ten minutes early. Her backpack bounced against her legs.',
      '"Good morning, Mrs. Hudson!"',
      'Emma dropped her bag by the cubbies and skipped to the front row.',
      '"Good morning, Emma," the teacher said, smiling. "You are early today."',
      '"Mom had a meeting," Emma said. "Are we painting today, Mrs. Hudson?"',
      '"We are. Get your smock from the hook."',
      '"Can I use the red paint first, Mrs. Hudson?"',
      'Emma was already pulling the smock over her head.',
      '"You may. Share it with Lily when she comes."',
      'Lily arrived a few minutes later with her hair in two braids. Emma waved at her from the table.',
      '"Mrs. Hudson, Lily is here!"',
      'Emma pushed the red pot across the table.',
      '"Thank you, Emma. That is very kind."',
    ].join('\n\n'),
  );
  assert.ok(who(called, 'Emma') !== null, "expected: who(called, 'Emma') !== null");
  assert.notEqual(who(called, 'Mrs. Hudson'), who(called, 'Emma'));
  // Her own beat (`Emma climbed onto her chair. "…, Mrs. Hudson?"`) says she speaks the address.
  const beat = cast(
    [
      'Emma ran into the classroom ten minutes early. Her backpack bounced against her legs.',
      '"Good morning, Mrs. Hudson!"',
      'Emma dropped her bag by the cubbies. "Is Lily here yet?"',
      '"Not yet," the teacher said, smiling. "You are early today."',
      'Emma climbed onto her chair. "Are we painting today, Mrs. Hudson?"',
      '"We are. Get your smock from the hook."',
      '"Can I use the red paint first, Mrs. Hudson?"',
      'Emma was already pulling the smock over her head. "I love red."',
      '"You may. Share it with Lily when she comes."',
      '"Mrs. Hudson, Lily is here!"',
      'Emma pushed the red pot across the table. "Here, Lily."',
      '"Thank you, Emma. That is very kind."',
    ].join('\n\n'),
  );
  assert.ok(who(beat, 'Emma') !== null, "expected: who(beat, 'Emma') !== null");
  assert.notEqual(who(beat, 'Mrs. Hudson'), who(beat, 'Emma'));
});

test('vocative: a title and surname answered by a first name must not join when the titled man is tagged speaking himself', () => {
  const doc = cast(
    [
      'Tobias stood by the window. Nell Parrish poured the tea, and she watched him.',
      '"Will you take sugar, Mr. Quarrel?"',
      '"None, thank you," said Tobias.',
      '"You are very quiet tonight, Mr. Quarrel?"',
      'Tobias said, "A little."',
      '"I am not tired at all," said Mr. Quarrel.',
      '"Nor am I," said Mr. Quarrel, and he laughed.',
    ].join('\n\n'),
  );
  assert.notEqual(who(doc, 'Tobias'), who(doc, 'Mr. Quarrel'));
});

test('vocative must not join a first name answered by different people', () => {
  const doc = cast(
    [
      '"Maggie, the tea is cold," said Mr. Hale.',
      '"Then ring for more," said Mrs. Hale.',
      '"Maggie, come here," said Mr. Hale.',
      '"She has gone out," said Mrs. Pruett.',
      'Maggie Rowe came in later, and she laughed at them both.',
    ].join('\n\n'),
  );
  assert.notEqual(who(doc, 'Maggie'), 'Mrs. Hale');
});

test('families: Mrs. before a man\'s full name that is a woman\'s two-word surname is that woman (Mrs. Omar Haddad is Rosa Omar Haddad); Mrs. John Varley stays his wife', () => {
  const doc = cast(
    [
      'Rosa Omar Haddad came to tea in a green hat. Rosa talked of Paris, and she laughed a great deal.',
      '"Mrs. Omar Haddad is late again," said the maid. Mrs. Omar Haddad did not care.',
      'Mrs. Omar Haddad sat down. Mrs. John Varley poured the tea, and she frowned at her.',
      'John Varley came in later, and he said nothing.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Mrs. Omar Haddad'), who(doc, 'Rosa Omar Haddad'));
  assert.equal(who(doc, 'Rosa'), who(doc, 'Rosa Omar Haddad'));
  assert.ok(who(doc, 'Mrs. John Varley') !== null, "expected: who(doc, 'Mrs. John Varley') !== null");
  assert.notEqual(who(doc, 'Mrs. John Varley'), who(doc, 'John Varley'));
});

test('families: a military rank does not join a full name called Mr. without it (General Fenn is not Mr. Aldous Fenn); a rank it carries does', () => {
  const doc = cast(
    [
      'Aldous Fenn walked up the hill. Mr. Fenn was a clergyman, and he walked fast. Aldous sang.',
      'General Fenn waited at the gate. He was old, and he leaned on a stick.',
      '"You are late, sir," said General Fenn. "I am," said Mr. Fenn.',
      'Captain Rolf Dacre rode past. Captain Dacre waved, and he rode on.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Mr. Fenn'), 'Aldous Fenn');
  assert.notEqual(who(doc, 'General Fenn'), 'Aldous Fenn');
  assert.equal(who(doc, 'Captain Dacre'), 'Captain Rolf Dacre');
});

test('families: Mr., Mrs. and Miss of one name stay apart; a Miss joins the full-named daughter; brothers stay two', () => {
  const doc = cast(
    [
      'Mr. Bennick sat by the fire. Mrs. Bennick sewed, and she talked. Miss Bennick read a letter aloud.',
      'Clara Bennick was the only daughter. Clara laughed, and she folded the letter.',
      'John Hartwell and Lawrence Hartwell came to dinner. John talked of horses; Lawrence talked of books.',
      '"Good evening," said Mr. Bennick. He was pleased. Mrs. Bennick smiled at him.',
      'John Hartwell left early. Lawrence Hartwell stayed, and he played cards with Mr. Bennick.',
    ].join('\n\n'),
  );
  const mr = who(doc, 'Mr. Bennick');
  const mrs = who(doc, 'Mrs. Bennick');
  assert.ok(mr && mrs && mr !== mrs, "expected: mr && mrs && mr !== mrs");
  assert.equal(who(doc, 'Miss Bennick'), 'Clara Bennick');
  assert.equal(char(doc, mr!).gender, 'he');
  assert.equal(char(doc, mrs!).gender, 'she');
  assert.notEqual(who(doc, 'John Hartwell'), who(doc, 'Lawrence Hartwell'));
  assert.equal(who(doc, 'John'), 'John Hartwell');
  assert.equal(who(doc, 'Lawrence'), 'Lawrence Hartwell');
});

test('titles and nicknames: Dr. and Doctor are one man, Mr. and Doctor too; a nickname joins the full name', () => {
  const doc = cast(
    [
      'Dr. Aldous Crane arrived on Tuesday. Doctor Crane was tired, and he went straight to bed.',
      'In the morning Mr. Crane walked to the mill. Crane liked the mill.',
      'Elizabeth Moor met him there. "Good morning, Doctor," said Lizzy.',
      'Lizzy laughed, and she showed him the wheel.',
    ].join('\n\n'),
  );
  const crane = who(doc, 'Dr. Aldous Crane');
  assert.ok(crane, "expected: crane");
  assert.equal(who(doc, 'Doctor Crane'), crane);
  assert.equal(who(doc, 'Mr. Crane'), crane);
  assert.equal(who(doc, 'Crane'), crane);
  assert.equal(char(doc, crane!).gender, 'he');
  assert.equal(who(doc, 'Lizzy'), 'Elizabeth Moor');
});

test('not people: places, a ship, months, a plural people', () => {
  const doc = cast(
    [
      'In May they sailed from Porthallow on the Endeavour. The Endeavour was slow.',
      'They reached Marabar in June. In Marabar the Oskans were kind; the Oskans gave them water.',
      'Nell Farrow kept the log. "We are late," said Nell. She wrote it down.',
      'At Marabar they rested. From Porthallow the letters came. The Endeavour sailed on to Marabar.',
    ].join('\n\n'),
  );
  const names = doc.characters.map((c) => c.name);
  for (const notPerson of ['May', 'June', 'Porthallow', 'Endeavour', 'Marabar', 'Oskans']) assert.ok(!names.includes(notPerson), `${notPerson} in ${names.join(', ')}`);
  assert.ok(names.includes('Nell Farrow'), "expected: names.includes('Nell Farrow')");
});

test('not people: a name set in underscores most of the time is the title of a play (_Aunt Mabel_)', () => {
  const doc = cast(
    [
      'The second act of _Aunt Mabel_ had begun when Nell Farrow came in. She sat by the door.',
      '"_Aunt Mabel_ again!" said Nell. "Who chose it?"',
      '"The club did," said Tom Pryor. "They liked _Aunt Mabel_ in town."',
    ].join('\n\n'),
  );
  const names = doc.characters.map((c) => c.name);
  assert.ok(!names.some((n) => /Mabel/.test(n)), names.join(', '));
  assert.ok(names.includes('Nell Farrow'), "expected: names.includes('Nell Farrow')");
});

test('gender: a title decides, pronouns overrule a name-list prior', () => {
  const paras: string[] = [];
  for (let k = 0; k < 4; k++) paras.push('Evelyn Stroud came in from the rain. He shook his coat, and he sat down by the stove.');
  paras.push('Mrs. Quarry poured the tea. Dr. Ostrow thanked her.');
  const doc = cast(paras.join('\n\n'));
  assert.equal(char(doc, 'Evelyn Stroud').gender, 'he');
  assert.equal(char(doc, 'Mrs. Quarry').gender, 'she');
});

test('gender: a she in the next turn (a paragraph opening with a quote) does not vote for the name that tagged the turn before', () => {
  const paras: string[] = ['Zephyr Darby came up the lane at dusk, and he knocked at the door.'];
  for (let k = 0; k < 3; k++) {
    paras.push('"Who is at the door?" said Zephyr Darby.');
    paras.push('"Only the wind," she answered.');
  }
  const doc = cast(paras.join('\n\n'));
  assert.equal(char(doc, 'Zephyr Darby').gender, 'he');
});

test('a paragraph opening with an elision (`\'Tis`) does not open with a quotation', () => {
  const doc = analyzeDocument(["'Tis a cold night for it, she thought.", "'Who is at the gate?' she asked.", "'Only the wind.'"].join('\n\n'));
  assert.deepEqual([0, 1, 2].map((p) => opensWithQuote(doc, p)), [false, true, true]);
});

test('the narrator takes the name the narration gives them', () => {
  const para = 'I walked to the shore and I looked at the sea. My boots were wet, so I sat down and I waited.';
  const doc = cast(['My name is Oren Vasko, and I keep the light on the point.', ...Array(8).fill(para)].join('\n\n'));
  const oren = char(doc, 'Oren Vasko');
  assert.equal(oren.narrator, true);
  assert.ok(oren.links?.some((l) => l.evidence === 'narrator-name'), "expected: oren.links?.some((l) => l.evidence === 'narrator-name')");
  assert.equal(doc.mentionCharacters[0], doc.characters.indexOf(oren));
  assert.ok(!doc.characters.some((c) => c.name === 'Narrator'), "expected: !doc.characters.some((c) => c.name === 'Narrator')");
});

test('the narrator takes the name said to them and answered by "I said"', () => {
  const parts: string[] = [];
  for (let k = 0; k < 6; k++) {
    parts.push(`"Hastwell, look at this," said Pardoe.`);
    parts.push(`"I see it," I said. I bent over the table, and I looked at the map for a long time.`);
    parts.push('I thought about it all evening. My head ached, and I went to my room.');
  }
  const doc = cast(parts.join('\n\n'));
  const c = char(doc, 'Hastwell');
  assert.equal(c.narrator, true);
  const i = doc.mentions.findIndex((_, k) => k % 3 === 2 && doc.mentions[k] === MentionKind.FirstPerson);
  assert.equal(doc.characters[doc.mentionCharacters[(i - 2) / 3]].name, 'Hastwell');
});

test('a given cast matches names, and characters it does not list are still found unless castOnly', () => {
  const text = 'Anna met Gil Tarrant on the pier. "Miss Lark!" he called. Gil Tarrant waved, and he laughed. Anna Lark smiled.';
  const given = { characters: [{ id: 'anna', name: 'Anna Lark', gender: 'she' as const }] };
  const withExtra = cast(text, { cast: given });
  assert.equal(withExtra.characters[0].id, 'anna');
  assert.equal(withExtra.characters[0].source, 'given');
  assert.ok(withExtra.characters.some((c) => c.name === 'Gil Tarrant' && c.source === 'discovered'), "expected: withExtra.characters.some((c) => c.name === 'Gil Tarrant' && c.source === 'discovered')");
  assert.equal(who(withExtra, 'Miss Lark'), 'Anna Lark');
  const only = cast(text, { cast: given, castOnly: true });
  assert.deepEqual(
    only.characters.map((c) => c.id),
    ['anna'],
  );
  assert.equal(who(only, 'Gil Tarrant'), null);
  // nor a capitalised description that would otherwise be a character of its own
  const titled = 'The Warden came in. "Sit," said the Warden. "No," said Anna. "Now," said the Warden. The Warden frowned.';
  assert.ok(cast(titled, { cast: given }).characters.some((c) => c.name === 'the Warden'), "expected: cast(titled, { cast: given }).characters.some((c) => c.name === 'the Warden')");
  assert.deepEqual(cast(titled, { cast: given, castOnly: true }).characters.map((c) => c.id), ['anna']);
});

test('the cast hint seeds characters; generic and unused tags are dropped', () => {
  assert.equal(cleanHint('Marisol Vega (Original Work)'), 'Marisol Vega');
  assert.equal(cleanHint('Original Female Character(s)'), '');
  assert.equal(cleanHint('Reader'), '');
  const text = 'Marisol walked in. "Hello," said Vega. Marisol laughed, and she sat down. Tamsin Orr waved, and she smiled.';
  const doc = cast(text, { castHint: ['Marisol Vega', 'Original Female Character(s)', 'Hollis Dunne'] });
  const m = char(doc, 'Marisol Vega');
  assert.equal(m.source, 'hint');
  assert.equal(who(doc, 'Marisol'), 'Marisol Vega');
  assert.equal(who(doc, 'Vega'), 'Marisol Vega');
  assert.ok(!doc.characters.some((c) => c.name === 'Hollis Dunne'), "expected: !doc.characters.some((c) => c.name === 'Hollis Dunne')");
  assert.ok(doc.characters.some((c) => c.name === 'Tamsin Orr'), "expected: doc.characters.some((c) => c.name === 'Tamsin Orr')");
});

test('the Analysis reports importance, first mention, mention spans, lines and links per character', () => {
  const text = [
    'Dace Holloway, the ex-smuggler, came down to the harbour. Wren Abernathy waited for him.',
    '"You are late," said Wren.',
    '"I know," said Dace. He sat down.',
    '"Sit, then," said Wren. She poured the tea.',
  ].join('\n\n');
  const a = analyze(text);
  const dace = a.characters.find((c) => c.name === 'Dace Holloway')!;
  assert.ok(dace, "expected: dace");
  assert.deepEqual(dace.firstMention, { start: 0, end: 13 });
  assert.equal(dace.mentionSpans.length, dace.mentions);
  assert.deepEqual(dace.mentionSpans[0], [0, 13]);
  assert.equal(dace.lines, 1);
  assert.equal(dace.importance, 'major');
  assert.equal(dace.narrator, false);
  assert.equal(dace.source, 'discovered');
  assert.ok(dace.links.some((l) => l.evidence === 'apposition' && text.slice(l.start, l.end) === l.text), "expected: dace.links.some((l) => l.evidence === 'apposition' && text.slice(l.start, l.end) === l....");
  const wren = a.characters.find((c) => c.name === 'Wren Abernathy')!;
  assert.equal(wren.lines, 2);
});

test('CLI: --cast-only without --cast is a usage error', async () => {
  let err = '';
  const io = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: process.stdin,
    env: {},
    pid: 1,
  };
  const code = await main(['analyze', 'samples/the-salt-road.txt', '--cast-only'], io as never);
  assert.equal(code, 64);
  assert.match(err, /--cast-only needs --cast/);
});

test('the issue example: Marisol under her names and epithets, the Captain under hers, kept apart', () => {
  const text = [
    'Marisol Reyes, the ex-pilot, climbed down from the cargo bay. Captain Iris Hale watched her from the rail.',
    '"You are late, Mari," said the Captain. She did not smile.',
    '"Traffic," said Marisol. She dropped her bag on the deck.',
    'The Iron Captain turned away. Sol watched her go, and the ex-pilot laughed.',
    '"Sol, get the engines warm," Captain Hale called from the bridge.',
    'Marisol went below. The ex-pilot knew the engines better than anyone, and she sang while she worked.',
  ].join('\n\n');
  const doc = cast(text);
  const marisol = who(doc, 'Marisol Reyes');
  const captain = who(doc, 'Captain Iris Hale');
  assert.ok(marisol && captain && marisol !== captain, "expected: marisol && captain && marisol !== captain");
  assert.equal(who(doc, 'Mari'), marisol);
  assert.equal(who(doc, 'Sol'), marisol);
  assert.equal(who(doc, 'the ex-pilot'), marisol);
  assert.equal(who(doc, 'The ex-pilot'), marisol);
  assert.equal(who(doc, 'the Captain'), captain);
  assert.equal(who(doc, 'The Iron Captain'), captain);
  assert.equal(who(doc, 'Captain Hale'), captain);
  const m = char(doc, marisol!);
  assert.equal(m.gender, 'she');
  assert.ok(m.links?.some((l) => l.evidence === 'nickname' && l.text === 'Mari'), "expected: m.links?.some((l) => l.evidence === 'nickname' && l.text === 'Mari')");
  assert.ok(m.links?.some((l) => l.evidence === 'apposition' && l.text === 'the ex-pilot'), "expected: m.links?.some((l) => l.evidence === 'apposition' && l.text === 'the ex-pilot')");
  assert.equal(char(doc, captain!).gender, 'she');
});

test('unlinked capitalised descriptions stay characters of their own', () => {
  const doc = cast(
    [
      'The Grandmother sat by the window. Paul Ober read to her.',
      '"Louder," said the Grandmother. Paul read louder, and he coughed.',
      'The Grandmother slept at last. Paul Ober closed the book.',
    ].join('\n\n'),
  );
  const g = who(doc, 'The Grandmother');
  assert.ok(g, "expected: g");
  assert.equal(who(doc, 'the Grandmother'), g);
  assert.notEqual(g, who(doc, 'Paul Ober'));
  assert.equal(char(doc, g!).gender, 'she');
});

test('a nickname of two words always written after "the" (the Crooked Tinker) is named with it', () => {
  const doc = cast(
    [
      'The Crooked Tinker sat on the step. Mara Voss watched him; she did not trust him.',
      '"Give it back," said Mara. "Never," said the Crooked Tinker, and he laughed.',
      'The Crooked Tinker ran off. Mara Voss went after the Crooked Tinker, and she caught him by the sleeve.',
    ].join('\n\n'),
  );
  const t = who(doc, 'Crooked Tinker');
  assert.equal(t, 'the Crooked Tinker');
  assert.equal(who(doc, 'Mara Voss'), 'Mara Voss');
});

test('a nameless speaker with a telling description (said the ferryman) is a character of its own; a generic one (the girl) and a given cast are not', () => {
  const text = [
    'Hal Brenner reached the river at dusk. The ferryman was waiting by his boat, and the girl sat on the bank.',
    '"Two pennies," said the ferryman. "Only two?" Hal asked.',
    '"Two, and quick about it," the ferryman answered. He held out his hand.',
    '"Take me too," said the girl. Hal paid for her, and the ferryman pushed off.',
    '"Mind the current," said the girl, and she laughed.',
  ].join('\n\n');
  const doc = cast(text);
  const f = who(doc, 'the ferryman');
  assert.equal(f, 'the ferryman');
  assert.equal(who(doc, 'the ferryman', 1), 'the ferryman');
  assert.equal(char(doc, 'the ferryman').gender, 'he');
  assert.ok(!doc.characters.some((c) => c.name === 'the girl'), "expected: !doc.characters.some((c) => c.name === 'the girl')");
  const given = cast(text, { cast: { characters: [{ name: 'Hal Brenner' }] } });
  assert.ok(!given.characters.some((c) => c.name === 'the ferryman'), "expected: !given.characters.some((c) => c.name === 'the ferryman')");
  // Brought on as a stranger (`a girl sat on the bank`) and never named, the girl is someone too.
  const stranger = cast(text.replace('and the girl sat', 'and a girl sat'));
  assert.ok(stranger.characters.some((c) => c.name === 'the girl'), "expected: stranger.characters.some((c) => c.name === 'the girl')");
});

test('relative description in a two-man scene: the one not named in the sentence; three men: no link', () => {
  const two = cast(
    [
      'Tomas Reyes walked down to the boats. He was cold. Pell Garrow followed him; he limped.',
      'Tomas looked back at the older man and laughed.',
    ].join('\n\n'),
  );
  assert.equal(who(two, 'the older man'), 'Pell Garrow');
  const three = cast(
    [
      'Tomas Reyes walked down to the boats. He was cold. Pell Garrow followed him; he limped. Abel Stroud came too, and he sang.',
      'Tomas looked back at the older man and laughed.',
    ].join('\n\n'),
  );
  assert.equal(who(three, 'the older man'), null);
});

test('naming: "called him Sparrow" and "known as" give the name to the character', () => {
  const doc = cast(
    [
      '"That," Quill said, "is Dace Holloway. Folk called him Sparrow, because he could get through any gap."',
      'Dace laughed, and he sat down. Ilse Marrow poured the tea; she did not look at him. Ilse Marrow, known as Salt, was tired.',
      '"Sparrow," said Salt, "you owe me."',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Sparrow'), 'Dace Holloway');
  assert.equal(who(doc, 'Sparrow', 1), 'Dace Holloway');
  assert.equal(who(doc, 'Salt'), 'Ilse Marrow');
  assert.ok(char(doc, 'Dace Holloway').links?.some((l) => l.evidence === 'naming' && l.text === 'Sparrow'), "expected: char(doc, 'Dace Holloway').links?.some((l) => l.evidence === 'naming' && l.text === 'Sp...");
  // The subject of the naming is someone else.
  assert.notEqual(who(doc, 'Quill'), 'Dace Holloway');
});

test('naming: a name said as a name (`Jane or Mary`) is not who `called her Wren` names; nor does a guess join someone often named', () => {
  // The name itself earlier in the naming's sentence (`when Wren was born … called her Wren`) stops
  // the search for whom `her` is: Wren, named only three times, does not join the Mary said before.
  const few = cast(
    [
      'Wren Hale lived by the mill with her uncle.',
      '"I would rather Ann or Mary or some plain name like that. But when Wren was born her uncle had the naming of her, and he called her Wren," said the miller.',
      'Mary Lowe came by later with the eggs.',
    ].join('\n\n'),
  );
  assert.equal(who(few, 'Wren Hale'), 'Wren Hale');
  assert.notEqual(who(few, 'Mary'), 'Wren Hale');
  assert.notEqual(who(few, 'Wren', 1), who(few, 'Mary'));
  // With no name in its sentence the guess is the name said before (`Mary`); it does not join Wren,
  // whom the story names more than five times, to her.
  const often = cast(
    [
      'Wren Hale lived by the mill. Wren fed the geese every morning. Wren sang to them.',
      'Tamsin Vey walked up the lane. Tamsin waved. Wren waved back, and Wren ran down to the gate.',
      '"I would rather Ann or Mary or some plain name like that. Her uncle had the naming of her, and he called her Wren," said the miller.',
      'Wren laughed. Mary Lowe came by later with the eggs, and Wren paid her.',
    ].join('\n\n'),
  );
  assert.equal(who(often, 'Wren', 0), 'Wren Hale');
  assert.equal(who(often, 'Wren', 5), 'Wren Hale');
  assert.notEqual(who(often, 'Mary'), 'Wren Hale');
  assert.notEqual(who(often, 'Mary Lowe'), 'Wren Hale');
});

test('naming: "Hollins, late Pike" and "Pike, otherwise Hollins" are one man, named as he is named most', () => {
  const doc = cast(
    [
      'At night Jem Pike ran from the town. Pike was a thief, and he knew it.',
      'Pike hid in the barn. Pike slept there, and he dreamed of money.',
      'In London he took a new name. "Mr. Hollins," he told the landlord. Hollins, late Pike, paid for a week.',
      'Pike, otherwise Hollins, slept till noon. "Bring me tea," said Hollins.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Hollins', 0), 'Jem Pike');
  assert.equal(who(doc, 'Mr. Hollins'), 'Jem Pike');
  assert.ok(char(doc, 'Jem Pike').links?.some((l) => l.evidence === 'naming'), "expected: char(doc, 'Jem Pike').links?.some((l) => l.evidence === 'naming')");
});

test('naming: two names set off by commas before a relative clause (Aunt Prue, Mrs. Lark, who …) are one woman; a list is not', () => {
  const doc = cast(
    [
      'Mrs. Lark came in first. Mrs. Lark was tall, and she talked a great deal.',
      'The smaller lady was Aunt Prue, Mrs. Lark, who had come up from the country for the week.',
      '"Sit down, Aunt Prue," said Nell Avery. Mrs. Lark sat down.',
      'Then came Tom Hale, Jack Orme, who was late, and Ruth Hale.',
      'Tom Hale laughed. Jack Orme did not, and he sat alone.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Aunt Prue'), who(doc, 'Mrs. Lark'));
  assert.notEqual(who(doc, 'Jack Orme'), who(doc, 'Tom Hale'));
});

test('a nickname from the list joins its full name; a rank leans male but pronouns decide', () => {
  const doc = cast(
    [
      'Tobias Wren came up from the rear wagon. Toby was fifteen, and he talked all the time.',
      'Captain Oriel Haskett listened. She said nothing. Captain Haskett was tired, and she went to bed.',
    ].join('\n\n'),
  );
  assert.equal(who(doc, 'Toby'), 'Tobias Wren');
  const c = who(doc, 'Captain Haskett');
  assert.equal(c, who(doc, 'Captain Oriel Haskett'));
  assert.equal(char(doc, c!).gender, 'she');
});

test('a given cast matches its descriptive aliases exactly (the old woman), not other descriptions', () => {
  const text = 'Oriel Haskett sat by the fire. The old woman said nothing. A young woman came in, and the old woman looked up.';
  const doc = cast(text, { cast: { characters: [{ id: 'h', name: 'Oriel Haskett', aliases: ['the old woman'], gender: 'she' }] }, castOnly: true });
  assert.equal(who(doc, 'The old woman'), 'Oriel Haskett');
  assert.equal(who(doc, 'the old woman'), 'Oriel Haskett');
  assert.equal(who(doc, 'A young woman'), null);
});

test('a given cast alias Dad makes their father and her father that character, not his father when his is Dad himself; two Mums make none', () => {
  const text = [
    'Rafe Dunmore had built the boat himself. His daughters came down to the slip at noon.',
    '"Dad, it leaks," said Tamsin.',
    '"Everything leaks," said their father.',
    'Noor knelt by the hull and looked up at her father. "Not like this."',
    'Rafe looked at his father\'s old chisel on the bench.',
  ].join('\n\n');
  const family = { characters: [
    { id: 'rafe', name: 'Rafe Dunmore', aliases: ['Rafe', 'Dad'], gender: 'he' as const },
    { id: 'tamsin', name: 'Tamsin', gender: 'she' as const },
    { id: 'noor', name: 'Noor', gender: 'she' as const },
  ] };
  const doc = cast(text, { cast: family, castOnly: true });
  assert.equal(who(doc, 'their father'), 'Rafe Dunmore');
  assert.equal(who(doc, 'her father'), 'Rafe Dunmore');
  // `his` is Rafe: his father is someone else, not Dad.
  assert.equal(who(doc, 'his father'), null);
  const twoMums = cast('Ada and Bree sat down. "Tea?" said her mother.', {
    cast: { characters: [{ name: 'Ada', aliases: ['Mum'] }, { name: 'Bree', aliases: ['Mum'] }] },
    castOnly: true,
  });
  assert.equal(who(twoMums, 'her mother'), null);
});

test('vocative: a name answered again and again by a capitalised description (said the Tinker) is that description', () => {
  const parts: string[] = ['Bram Hollis kept the forge at the crossroads. He was old, and he was slow.'];
  for (let k = 0; k < 4; k++) {
    parts.push(`"Bram, is the kettle mended?" said Nell Orme. She waited at the door.`);
    parts.push(`"Not yet," said the Tinker, and he bent over his work.`);
  }
  const doc = cast(parts.join('\n\n'));
  assert.equal(who(doc, 'Tinker'), 'Bram Hollis');
  const b = char(doc, 'Bram Hollis');
  assert.ok(b.links?.some((l) => l.evidence === 'vocative'), "expected: b.links?.some((l) => l.evidence === 'vocative')");
  assert.ok(!doc.characters.some((c) => c.name === 'the Tinker'), "expected: !doc.characters.some((c) => c.name === 'the Tinker')");
});

test('a description listed with its indefinite article (An Old Woman) is the same words in the text; a bare `A Man` is not every man', () => {
  const text = 'I walked to the cottage and knocked. An old woman came and opened the door. A man was chopping wood behind her, and a young woman watched.';
  const listed = { characters: [{ id: 'w', name: 'An Old Woman', gender: 'she' as const }, { id: 'm', name: 'A Man', gender: 'he' as const }, { id: 'n', name: 'Mr. Nash', gender: 'he' as const }] };
  const doc = cast(text, { cast: listed, castOnly: true });
  assert.equal(who(doc, 'An old woman'), 'An Old Woman');
  // One word after the article is a common noun phrase, not a name for someone: as before, no match.
  assert.equal(who(doc, 'A man'), null);
  assert.equal(who(doc, 'a young woman'), null);
  // Only the narration's first use: a later `an old woman`, or one said in a line, is somebody else.
  const again = cast(`${text} "I am an old woman," she said. Years later an old woman sold me apples.`, { cast: listed, castOnly: true });
  const all: (string | null)[] = [];
  for (let i = 0; i < again.mentionCount; i++) if (/^an old woman$/i.test(again.mentionText(i))) all.push(again.mentionCharacters[i] >= 0 ? again.characters[again.mentionCharacters[i]].name : null);
  assert.deepEqual(all, ['An Old Woman', null, null]);
});
