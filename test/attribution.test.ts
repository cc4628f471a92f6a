import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeDocument } from '../src/index.js';
import { runRules } from '../src/stages/attribution/index.js';
import type { CastFile } from '../src/types.js';

const cast: CastFile = {
  characters: [
    { id: 'mara', name: 'Mara Quill', aliases: ['Mara', 'the pilot'], gender: 'she' },
    { id: 'rook', name: 'Rook Ellery', aliases: ['Rook', 'the old man'], gender: 'he' },
  ],
};

function speakersOf(text: string): (string | null)[] {
  return analyze(text, { cast }).quotes.map((q) => q.speaker);
}

test('explicit tags in both orders', () => {
  const text = '“Where are we going?” asked Mara.\n\n“North,” Rook said.\n\n“Why north?” said Mara.\n';
  assert.deepEqual(speakersOf(text), ['mara', 'rook', 'mara']);
  const cues = analyze(text, { cast }).quotes.map((q) => q.cue);
  assert.deepEqual(cues, ['tag-name', 'tag-name', 'tag-name']);
});

test('pronoun tag resolved to the character of that gender', () => {
  const text = 'Rook looked at Mara across the table.\n\n“You lied to me,” she snapped.\n\n“I did,” he said.\n';
  assert.deepEqual(speakersOf(text), ['mara', 'rook']);
  const a = analyze(text, { cast });
  assert.equal(a.quotes[0].cue, 'tag-pronoun');
});

test('action beat before a quote in the same paragraph', () => {
  const text = 'Mara waited by the door.\n\nRook glared at her. “You are late.”\n\nMara shrugged. “The roads were flooded.”\n';
  assert.deepEqual(speakersOf(text), ['rook', 'mara']);
  assert.equal(analyze(text, { cast }).quotes[0].cue, 'beat');
});

test('interrupted quote: both spans are one utterance with one speaker', () => {
  const text = '“You came back,” Mara said. “I never thought you would.”\n';
  const a = analyze(text, { cast });
  assert.equal(a.quotes.length, 2);
  assert.equal(a.quotes[0].utterance, a.quotes[1].utterance);
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['mara', 'mara']);
});

test('turn-taking fills untagged lines in a two-person exchange', () => {
  const text = [
    '“Is the engine fixed?” Mara asked.',
    '“Mostly,” said Rook.',
    '“Mostly is not an answer.”',
    '“It is the only one I have.”',
    '“Then we wait.”',
  ].join('\n\n');
  const a = analyze(text, { cast });
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['mara', 'rook', 'mara', 'rook', 'mara']);
  assert.equal(a.quotes[2].cue, 'turn-taking');
  assert.ok(a.quotes[2].confidence < a.quotes[0].confidence, 'untagged lines are less certain than tagged ones');
});

test('a vocative names the addressee, not the speaker', () => {
  const text = [
    'Mara and Rook stood on the pier.',
    '“Sit down, Rook.”',
    '“I would rather stand,” he said.',
  ].join('\n\n');
  const a = analyze(text, { cast });
  assert.equal(a.quotes[0].speaker, 'mara');
  assert.deepEqual(a.quotes[0].addressees, ['rook']);
  assert.equal(a.quotes[1].speaker, 'rook');
});

test('a description owned by someone else opening a line (`Your brother, …`) is no vocative; a title of address is', () => {
  const family: CastFile = {
    characters: [
      { id: 'mari', name: 'Marisol', aliases: ['Mari'], gender: 'she' },
      { id: 'theo', name: 'Theo', aliases: ['your brother', 'her brother'], gender: 'he' },
      { id: 'dilys', name: 'Dilys', aliases: ['the cook'], gender: 'she' },
    ],
  };
  const text = [
    'Marisol stood in the yard with Theo. A van pulled in and Dilys climbed down.',
    '\u201cYour brother,\u201d the cook said, \u201cwoke up my entire kitchen.\u201d',
  ].join('\n\n');
  const a = analyze(text, { cast: family });
  assert.equal(a.quotes[0].speaker, 'dilys');
  assert.ok(!a.quotes[0].addressees.includes('theo'), a.quotes[0].addressees.join(', '));
  const court: CastFile = {
    characters: [
      { id: 'queen', name: 'Queen Ysolde', aliases: ['Your Majesty', 'the queen'], gender: 'she' },
      { id: 'oren', name: 'Oren', aliases: [], gender: 'he' },
    ],
  };
  const b = analyze('Oren knelt before Queen Ysolde.\n\n\u201cYour Majesty, the gates are shut,\u201d Oren said.', { cast: court });
  assert.deepEqual(b.quotes[0].addressees, ['queen']);
});

test('a part of someone acting opens a beat for its owner (`His jaw worked.`, `Her eyes narrowed.`); a relative does not', () => {
  const text = [
    'Mara leaned on the rail. Rook stood by the wheel.',
    '\u201cHow far to the harbour?\u201d she asked.',
    'His jaw worked for a moment. \u201cEighty miles. Maybe ninety.\u201d',
    '\u201cYou said sixty.\u201d',
    '\u201cI was wrong.\u201d',
    'Her eyes narrowed. \u201cYou were lying.\u201d',
  ].join('\n\n');
  const a = analyze(text, { cast });
  assert.deepEqual([a.quotes[1].speaker, a.quotes[1].cue], ['rook', 'beat']);
  assert.deepEqual([a.quotes[4].speaker, a.quotes[4].cue], ['mara', 'beat']);
  // A state is no act (`Her eyes were closed`), and `His mother laughed` is someone else: no beat of theirs.
  const state = analyze(text.replace('Her eyes narrowed.', 'Her eyes were closed.'), { cast });
  assert.notEqual(state.quotes[4].cue, 'beat');
  // A voice's state is its owner's: `Her voice was low.`
  const voice = analyze(text.replace('Her eyes narrowed.', 'Her voice was low.'), { cast });
  assert.deepEqual([voice.quotes[4].speaker, voice.quotes[4].cue], ['mara', 'beat']);
  // A title of several words tags its line (`said Detective Chief Inspector Okafor`).
  const police: CastFile = { characters: [{ id: 'okafor', name: 'Nadia Okafor', aliases: ['Okafor'], gender: 'she' }, { id: 'mills', name: 'Mills', aliases: [], gender: 'he' }] };
  const tagged = analyze('Mills leaned on the door frame and yawned. \u201cSit down,\u201d said Detective Chief Inspector Okafor.', { cast: police });
  assert.deepEqual([tagged.quotes[0].speaker, tagged.quotes[0].cue], ['okafor', 'tag-name']);
  const kinDoc = analyzeDocument('Rook sat down.\n\nHis mother laughed. \u201cEighty miles.\u201d', { cast });
  const kin = runRules(kinDoc);
  assert.ok(!kin.evidence[0].some((e) => /^his$/i.test(kinDoc.mentionText(e.mention))), JSON.stringify(kin.evidence[0]));
});

test('`the other said` is the other one talking, not the last name before it', () => {
  const text = [
    'Mara and Rook sat on the sea wall.',
    '\u201cThe tide is turning,\u201d said Mara.',
    '\u201cLet it turn,\u201d Rook said.',
    'Rook was full of the evening, calm and rather hard, and it was with diffidence that the other said: \u201cWe ought to go back.\u201d',
  ].join('\n\n');
  const a = analyze(text, { cast });
  assert.equal(a.quotes[2].speaker, 'mara');
  // `the other continued` goes on with the one who spoke last.
  const on = analyze(text.replace('that the other said', 'that the other continued'), { cast });
  assert.notEqual(on.quotes[2].cue, 'tag-name');
});

test('confidence is in [0, 1] and every quote has a cue', () => {
  const text = '“Hello,” said Mara.\n\n“Hello yourself.”\n\nNobody answered for a while.\n';
  for (const q of analyze(text, { cast }).quotes) {
    assert.ok(q.confidence >= 0 && q.confidence <= 1, "expected: q.confidence >= 0 && q.confidence <= 1");
    assert.equal(typeof q.cue, 'string');
  }
});

test('CRLF and LF line endings give the same speakers', () => {
  const text = [
    'Mara and Rook stood on the pier.',
    '“Sit down, Rook.”',
    '“I would rather stand,” he said.',
    'Mara shrugged. “Suit yourself.”',
    '“I always do.”',
  ].join('\n\n');
  const lf = analyze(text, { cast }).quotes.map((q) => [q.speaker, q.cue]);
  const crlf = analyze(text.replace(/\n/g, '\r\n'), { cast }).quotes.map((q) => [q.speaker, q.cue]);
  assert.deepEqual(crlf, lf);
});

test('a first-person narrator speaks the lines tagged "I said"', () => {
  const text = [
    'I had not seen Rook in years. He was waiting for me at the gate.',
    '“You look tired,” he said.',
    '“I walked all night,” I said.',
    'He laughed at that, and I laughed too, though I did not feel like it. I followed him in.',
  ].join('\n\n');
  const a = analyze(text, { cast: { characters: [...cast.characters, { id: 'me', name: 'Narrator', aliases: [], gender: 'unknown' }] } });
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['rook', 'me']);
});

test('descriptive aliases of a given cast are mentions, so their tags name the speaker', () => {
  const given = {
    characters: [
      { id: 'g', name: 'The Gentleman In The White Waistcoat', gender: 'he' as const },
      { id: 'c', name: 'The Croupier', gender: 'he' as const },
      { id: 'o', name: 'Oliver', gender: 'he' as const },
    ],
  };
  const text = '"What is that, sir?" inquired Oliver.\n\n"The boy is a fool," said the gentleman in the white waistcoat.\n\n"Zero!" called the croupier.\n';
  assert.deepEqual(analyze(text, { cast: given, castOnly: true }).quotes.map((q) => q.speaker), ['o', 'g', 'c']);
});

test('a narration paragraph ending in a colon introduces the quote after it', () => {
  const text = 'Rook looked up from the charts.\n\nAfter a while Mara leaned over the map and said, quite softly:\n\n“We turn back at dawn.”\n\n“Agreed,” Rook said.\n';
  const a = analyze(text, { cast });
  assert.equal(a.quotes[0].speaker, 'mara');
  assert.equal(a.quotes[0].cue, 'tag-name');
});

test('a line said to someone is not theirs, and addresses them', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const text = 'Rook and Tam were arguing by the stove when Mara came in.\n\n“Enough,” he said to Tam. “Both of you, sit.”\n';
  const q = analyze(text, { cast: trio }).quotes[0];
  assert.notEqual(q.speaker, 'tam');
  assert.ok(q.addressees.includes('tam'), `addressees: ${q.addressees.join(', ')}`);
});

test('a name after a preposition is not the subject of the tag', () => {
  const text = 'Mara had not risen with Rook, and now, from her seat, called: “Come and sit down.”\n';
  assert.equal(analyze(text, { cast }).quotes[0].speaker, 'mara');
});

test('a name tag outranks the narration looking at that character just before', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const text = 'Tam stood by the door. Rook looked at Mara for a long moment.\n\n“Well?” asked Mara.\n';
  const q = analyze(text, { cast: trio }).quotes[0];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-name');
});

test('a lone candidate is not a certainty: its confidence comes from the evidence, not a softmax over one', () => {
  const one: CastFile = { characters: [{ id: 'rook', name: 'Rook Ellery', aliases: ['Rook'], gender: 'he' }] };
  const text = 'Rook waited by the gate.\n\n“Stop there,” said the policeman.\n';
  const q = analyze(text, { cast: one, castOnly: true }).quotes[0];
  assert.equal(q.speaker, 'rook');
  assert.ok(q.confidence < 0.9, `confidence ${q.confidence}`);
});

test('a tag runs into the quote with no comma: the subject of its verb speaks', () => {
  const text = 'Rook waited by the stove.\n\nThen Mara stood and said in a low voice “We leave at dawn.”\n';
  const q = analyze(text, { cast }).quotes[0];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-name');
});

test('a relative "who said" tag names the person before the comma, even after a preposition', () => {
  const text = 'Mara came in from the yard and looked at Rook, who said, “Shut the door.”\n';
  assert.equal(analyze(text, { cast }).quotes[0].speaker, 'rook');
});

test('describing words between the verb and the name (`said dour Rook`, `cried the weary Mara`)', () => {
  const text = 'The fire had gone out.\n\n“No more wood,” said dour Rook.\n\n“Then we burn the chairs,” cried the weary Mara.\n';
  assert.deepEqual(speakersOf(text), ['rook', 'mara']);
});

test('an auxiliary between the name and the verb (`Rook was saying`)', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const text = 'Tam leaned on the rail.\n\n“The tide turns at six,” Rook was saying, “and not a minute later.”\n';
  assert.equal(analyze(text, { cast: trio }).quotes[0].speaker, 'rook');
});

test('a listed description is matched after `a` and by its head before a qualifier', () => {
  const crowd: CastFile = {
    characters: [
      ...cast.characters,
      { id: 'porter', name: 'The Porter At The Gate', gender: 'he' },
      { id: 'boatman', name: 'The Tall Grey Boatman', gender: 'he' },
    ],
  };
  const text = 'Mara reached the gate at dusk.\n\n“Closed,” said the porter.\n\n“Row you across?” asked a tall grey boatman.\n';
  assert.deepEqual(analyze(text, { cast: crowd, castOnly: true }).quotes.map((q) => q.speaker), ['porter', 'boatman']);
});

test('a narration paragraph ending mid-sentence in a speech verb introduces the next quote; without a verb it does not', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const said = 'Tam counted the coins twice.\n\n“Short again,” he said.\n\nThen Rook said\n\n“Count them a third time.”\n';
  const a = analyze(said, { cast: trio });
  assert.equal(a.quotes[1].speaker, 'rook');
  assert.equal(a.quotes[1].cue, 'tag-name');
  const noVerb = 'Tam counted the coins twice.\n\n“Short again,” he said.\n\nRook looked at the rain\n\n“Count them a third time.”\n';
  assert.notEqual(analyze(noVerb, { cast: trio }).quotes[1].cue, 'beat');
  // A paragraph holding a quote can still end in a new sentence that introduces the next one.
  const mixed = 'Tam counted the coins twice.\n\n“Short again,” he said. Nobody answered him. Rook raised his head and said:\n\n“Count them a third time.”\n';
  assert.equal(analyze(mixed, { cast: trio }).quotes[1].cue, 'tag-name');
  assert.equal(analyze(mixed, { cast: trio }).quotes[1].speaker, 'rook');
  // The verb may stand further back before a manner phrase, not before anything else.
  const manner = 'Tam counted the coins twice.\n\n“Short again,” he said.\n\nThen Rook said in a low and weary voice\n\n“Count them a third time.”\n';
  assert.equal(analyze(manner, { cast: trio }).quotes[1].speaker, 'rook');
  assert.equal(analyze(manner, { cast: trio }).quotes[1].cue, 'tag-name');
  const other = 'Tam counted the coins twice.\n\n“Short again,” he said.\n\nRook said it would rain and left the room\n\n“Count them a third time.”\n';
  assert.notEqual(analyze(other, { cast: trio }).quotes[1].cue, 'tag-name');
});

test('a speech verb whose nearest name is an object takes the subject further back', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const said = (narration: string): string | null =>
    analyze(`Tam and Mara and Rook sat at the long table.\n\n${narration} “The boat leaves at dawn.”\n`, { cast: trio }).quotes[0].speaker;
  // A relative clause with no commas of its own.
  assert.equal(said('The silence was broken by Rook, who in a voice of cold resentment said,'), 'rook');
  // An insertion between commas holding an object.
  assert.equal(said('Tam, approaching Mara, said,'), 'tam');
  // Coordinated verbs: the clause's subject, not the object of the verb before `and`.
  assert.equal(said('Tam got up from his chair, looked at Mara, and said:'), 'tam');
  assert.equal(said('Mara crossed to the window and, after a long look at Tam, announced:'), 'mara');
  assert.equal(said('Mara saw he was tired and said,'), 'mara');
  // The nearest subject still wins when it has its own verb.
  assert.equal(said('Mara looked at Tam, and Rook said,'), 'rook');
  // A relative clause closed by its comma before `, and said` is not the speaker's clause.
  assert.equal(said('Tam turned to Mara, who had been waiting, and said,'), 'tam');
  assert.equal(said('Tam spoke to Mara, who frowned and said,'), 'mara');
});

test('two speakers introduced in one sentence (`Rook would say, "…", and Tam would say, "…"`) are two lines', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const text = 'Rook and Tam walked the gallery.\n\nAt intervals Rook would say, “The Vances have one like that”, and Tam would say, “Yes, mine is older.”\n';
  assert.deepEqual(analyze(text, { cast: trio }).quotes.map((q) => q.speaker), ['rook', 'tam']);
  // A new clause with its own tag after a `;` starts the next line, even when a colon ends it.
  const colon = 'Rook and Tam walked the gallery.\n\n“Persuade her to stay,” said Rook; and, in a dark mood, thus spoke Tam: “I will not.”\n';
  assert.deepEqual(analyze(colon, { cast: trio }).quotes.map((q) => q.speaker), ['rook', 'tam']);
  // A tag after the first line is still its own: one line of Rook's in two spans.
  const one = 'Rook and Tam walked the gallery.\n\n“The Vances have one,” said Rook, “but mine is older.”\n';
  const a = analyze(one, { cast: trio });
  assert.equal(new Set(a.quotes.map((q) => q.utterance)).size, 1);
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['rook', 'rook']);
});

test('a first name two listed characters share names the one the text does not qualify', () => {
  const two: CastFile = {
    characters: [
      { id: 'hale', name: 'Edwin Hale', gender: 'he' },
      { id: 'crane', name: 'Edwin Crane', gender: 'he' },
      { id: 'ivy', name: 'Ivy Hale', gender: 'she' },
    ],
  };
  const crane = 'Edwin Crane rode past the gate. ';
  const text = `${crane.repeat(6)}\n\nIvy waited in the hall.\n\n“The roof leaks,” said Edwin.\n`;
  assert.equal(analyze(text, { cast: two, castOnly: true }).quotes[0].speaker, 'hale');
  // Both written in full alike: the text does not say which Edwin, so the name stays unresolved.
  const even = `${crane.repeat(3)}${'Edwin Hale rode past the gate. '.repeat(3)}\n\nIvy waited.\n\n“The roof leaks,” said Edwin.\n`;
  assert.equal(analyze(even, { cast: two, castOnly: true }).quotes[0].cue === 'tag-name', false);
});

test('a first name listed for one character goes to the namesake the text calls by it, not the one it calls by surname', () => {
  const two: CastFile = {
    characters: [
      { id: 'pell', name: 'Oliver Pell', aliases: ['Pell', 'Oliver'], gender: 'he' },
      { id: 'boy', name: 'Oliver Tarrant', gender: 'he' },
      { id: 'ada', name: 'Ada Tarrant', gender: 'she' },
    ],
  };
  const text = `${'Pell smoked by the stove. '.repeat(12)}${'Oliver Tarrant was six. '.repeat(5)}\n\nAda came in.\n\n“Can I ride now?” asked Oliver.\n`;
  assert.equal(analyze(text, { cast: two, castOnly: true }).quotes[0].speaker, 'boy');
  // A namesake the text barely names does not take the name from the one the list gives it to.
  const barely = `${'Pell smoked by the stove. '.repeat(12)}Oliver Tarrant was six.\n\nAda came in.\n\n“Can I ride now?” asked Oliver.\n`;
  assert.equal(analyze(barely, { cast: two, castOnly: true }).quotes[0].speaker, 'pell');
  // When the text does not tell them apart, the list that gives the name decides.
  const even = 'Oliver Pell smoked. Oliver Tarrant played.\n\nAda came in.\n\n“Can I ride now?” asked Oliver.\n';
  assert.equal(analyze(even, { cast: two, castOnly: true }).quotes[0].speaker, 'pell');
});

test('an indefinite description that brings someone on stage names the listed one; a wish for one does not', () => {
  const crowd: CastFile = {
    characters: [...cast.characters, { id: 'waiter', name: 'The Waiter', gender: 'he' }, { id: 'doctor', name: 'The Doctor', gender: 'he' }],
  };
  const text = 'Mara and Rook reached the door. A waiter came out smiling. “They are upstairs, madam,” he said.\n\n“We must send for a doctor,” said Mara.\n';
  const a = analyze(text, { cast: crowd, castOnly: true });
  assert.equal(a.quotes[0].speaker, 'waiter');
  assert.equal(a.characters.find((c) => c.id === 'doctor')?.mentions ?? 0, 0);
  // Inside a quote, a subject `a doctor` is a supposition, not someone arriving.
  const supposed = analyze('Mara and Rook reached the door.\n\n“Well, a doctor would know,” said Mara.\n', { cast: crowd, castOnly: true });
  assert.equal(supposed.characters.find((c) => c.id === 'doctor')?.mentions ?? 0, 0);
});

test('`Sir John` in a given cast does not make `John` his surname', () => {
  const two: CastFile = {
    characters: [
      { id: 'mid', name: 'Sir John Wrex', aliases: ['Sir John'], gender: 'he' },
      { id: 'dash', name: 'John Pell', gender: 'he' },
    ],
  };
  const text = `${'Sir John laughed at the table. '.repeat(6)}\n\n“I disagree,” said John.\n`;
  assert.equal(analyze(text, { cast: two, castOnly: true }).quotes[0].speaker, 'dash');
});

test('a capitalised rank after `the` is a mention of its holder (`the Major growled`)', () => {
  const two: CastFile = { characters: [...cast.characters, { id: 'ward', name: 'Major Ward', gender: 'he' }] };
  const text = 'Mara set the papers down.\n\n“We march at noon,” the Major growled.\n';
  const q = analyze(text, { cast: two, castOnly: true }).quotes[0];
  assert.equal(q.speaker, 'ward');
  assert.equal(q.cue, 'tag-nominal');
});

test('possessive tags, a parenthesis after `who`, and a heard speaker name the speaker', () => {
  const cases: Array<[string, string]> = [
    ['Rook sat down by the fire.\n\nThe silence was broken by Rook s saying very abruptly, “Is the road open?”\n', 'rook'],
    ['Rook sat down by the fire.\n\nThe silence was broken by Mara’s saying, “We should go.”\n', 'mara'],
    ['Rook asked where her bags were. Mara’s reply, “I lost them,” did not help.\n', 'mara'],
    ['Mara stood in the hall.\n\n“I like rubies,” she heard Rook say.\n', 'rook'],
    ['At the stair she was met by Rook, who, on hearing the news, said, “Good. Very good.”\n', 'rook'],
  ];
  for (const [text, who] of cases) {
    const q = analyze(text, { cast }).quotes[0];
    assert.equal(q.speaker, who, text);
    assert.equal(q.cue, 'tag-name', text);
  }
});

test('the name after a pre-quote verb is its object when a subject stands before the verb', () => {
  assert.equal(analyze('Rook sat down.\n\nEvery day Mara asked Rook, “When will the boats be ready?”\n', { cast }).quotes[0].speaker, 'mara');
  assert.equal(analyze('Rook sat down.\n\nThen said Mara: “When will the boats be ready?”\n', { cast }).quotes[0].speaker, 'mara');
  assert.equal(analyze('Rook asked about the bags. Mara’s reply was, “I lost them.”\n', { cast }).quotes[0].speaker, 'mara');
  assert.equal(analyze('Rook asked about the bags. Mara’s declaration was, “I lost them.”\n', { cast }).quotes[0].cue, 'tag-name');
});

test('a description listed without its article (`Little Girl`, `His Valet`) matches `the little girl`, `the valet`', () => {
  const crowd: CastFile = {
    characters: [...cast.characters, { id: 'girl', name: 'Little Girl', gender: 'she' }, { id: 'valet', name: 'His Valet', gender: 'he' }],
  };
  const text = 'Mara knocked at the door.\n\n“Nobody is home,” said the little girl.\n\n“Your coat, sir,” said the valet.\n';
  assert.deepEqual(analyze(text, { cast: crowd, castOnly: true }).quotes.map((q) => q.speaker), ['girl', 'valet']);
});

test('a listed description that is also a title (`The Doctor`) means the titled character named in the scene', () => {
  const crowd: CastFile = {
    characters: [
      ...cast.characters,
      { id: 'doc', name: 'The Doctor', gender: 'he' },
      { id: 'wynn', name: 'Doctor Wynn', aliases: ['Mr. Wynn'], gender: 'he' },
    ],
  };
  const early = 'The doctor came at midnight and left at dawn.\n\n“A healthy child,” said the doctor.\n\n';
  const late = 'Years later Mara sent for Mr. Wynn, who came at once.\n\n“Where is the pain?” said the doctor.\n';
  const speakers = analyze(early + late, { cast: crowd, castOnly: true }).quotes.map((q) => q.speaker);
  assert.deepEqual(speakers, ['doc', 'wynn']);
});

test('a listed description that is also a title, once read as the holder, stays his all scene long', () => {
  const crowd: CastFile = {
    characters: [
      ...cast.characters,
      { id: 'doc', name: 'The Doctor', gender: 'he' },
      { id: 'wynn', name: 'Doctor Wynn', aliases: ['Mr. Wynn'], gender: 'he' },
    ],
  };
  // Named once, then only `the doctor` for many pages. (Mara answers the first line: two lines in a
  // row both tagged `said the doctor`, with only the tag between them, are one speaker in about 1% of
  // such pairs in PDNC, and the turn chain now gives the first of them to the other person present.)
  const named = 'Mara sent for Mr. Wynn, who came at once.\n\n“Where is the pain?” said the doctor.\n\n“Here,” said Mara.\n\n';
  const long = '“Rest now,” said the doctor.\n\nThe wind went round to the north and the shutters knocked all night.\n\n'.repeat(80);
  const speakers = analyze(named + long, { cast: crowd, castOnly: true }).quotes.map((q) => q.speaker);
  assert.equal(speakers[0], 'wynn');
  assert.equal(speakers[speakers.length - 1], 'wynn');
});

test('in a group scene a line without a vocative is addressed to the speakers of the turns around it', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const text = [
    'Mara, Rook and Tam sat round the fire.',
    '“The river is up,” said Rook.',
    '“Then we wait,” said Mara.',
    '“Wait for what?” asked Tam.',
  ].join('\n\n');
  const q = analyze(text, { cast: trio }).quotes[1];
  assert.equal(q.speaker, 'mara');
  assert.deepEqual([...q.addressees].sort(), ['rook', 'tam']);
});

test('review cases: names ending in -ly are not adverbs, a title’s full stop ends no sentence, `said nothing` introduces nothing', () => {
  const family: CastFile = {
    characters: [
      { id: 'arthur', name: 'Arthur Weasel', aliases: ['Mr. Weasel'], gender: 'he' },
      { id: 'molly', name: 'Molly Weasel', aliases: ['Molly'], gender: 'she' },
      { id: 'harry', name: 'Harry Pott', aliases: ['Harry'], gender: 'he' },
    ],
  };
  const asked = analyze('Harry sat down.\n\nThen Molly asked Harry, “Are you hungry?”\n', { cast: family });
  assert.equal(asked.quotes[0].speaker, 'molly');
  const mr = analyze('Harry sat down.\n\n“Well,” Mr. Weasel said, “I think so.”\n', { cast: family });
  assert.equal(mr.quotes[0].utterance, mr.quotes[1].utterance);
  const nothing = analyze('Harry looked at her and said nothing\n\n“Well, what is it?”\n', { cast: family });
  assert.notEqual(nothing.quotes[0].cue, 'tag-name');
});

test('a name opening a later sentence of a line and closed by a comma is a call: the addressee, not the speaker', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'tam', name: 'Tam Ossory', aliases: ['Tam'], gender: 'he' }] };
  const text = ['Mara, Rook and Tam stood on the pier.', '“The tide is turning. Rook, fetch the rope,” said Mara.', '“He never will,” said Tam.'].join('\n\n');
  const a = analyze(text, { cast: trio });
  assert.ok(a.quotes[0].addressees.includes('rook'), `addressees: ${a.quotes[0].addressees.join(', ')}`);
});

test('a narration paragraph ending `X calmly said,` introduces the quote paragraph after it', () => {
  const text = [
    'Mara and Rook walked down the lane.',
    'They had gone only a little way past the mill, when, stopping with her eyes on the ridge, Mara calmly said,',
    '“There, just there, is where I fell.”',
    '“I know,” said Rook.',
  ].join('\n\n');
  const q = analyze(text, { cast }).quotes[0];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-name');
});

test('after a tag verb, a name behind a bare `at` is looked at, not speaking (`smiling at Mara`)', () => {
  const text = '“Have you finished?” said Rook.\n\n“Nearly,” said Mara.\n\n“There is no hurry,” (smiling at Mara,) “none at all.”\n';
  const q = analyze(text, { cast }).quotes[2];
  assert.equal(q.speaker, 'rook');
});

test('a narration paragraph closing on `X went on.` or `X interposed.` introduces the quote paragraph after it; `went away.` does not', () => {
  const intro = [
    '“Is the engine fixed?” said Rook.',
    '“Mostly,” said Mara.',
    'Rook, trying not to smile, went on.',
    '“Then we leave at dawn.”',
  ].join('\n\n');
  const q = analyze(intro, { cast }).quotes[2];
  assert.equal(q.speaker, 'rook');
  assert.equal(q.cue, 'tag-name');
  const away = intro.replace('Rook, trying not to smile, went on.', 'Rook, trying not to smile, went away.');
  assert.notEqual(analyze(away, { cast }).quotes[2].cue, 'tag-name');
});

test('a line introduced by its own tag keeps it against the next line’s introduction or a clause of its own after it', () => {
  const next = analyze('They sat down at the bar.\n\nMara said, “Are you staying long?” Rook said, “Have you got a match?”\n', { cast });
  assert.deepEqual(next.quotes.map((q) => q.speaker), ['mara', 'rook']);
  const clause = analyze('After supper they played riddles.\n\nRook said, “I have thought of one”, and Mara asked him questions until she had it.\n', { cast });
  assert.equal(clause.quotes[0].speaker, 'rook');
});

test('a bare title after a speech verb names its one holder (`laughed Mademoiselle`), given cast or own', () => {
  const text = [
    'Mara climbed the stairs to the flat of Mademoiselle Vautrin, who was poking at the stove.',
    '“You came in the rain,” said Mademoiselle Vautrin.',
    '“I had not thought much about it,” answered Mara.',
    '“It counts with a foolish old woman,” laughed Mademoiselle.',
    '“Then play for me,” said Mara.',
    '“Later,” replied Mademoiselle.',
  ].join('\n\n');
  const withVautrin: CastFile = { characters: [...cast.characters, { id: 'vautrin', name: 'Mademoiselle Vautrin', gender: 'she' }] };
  const given = analyze(text, { cast: withVautrin, castOnly: true }).quotes;
  assert.deepEqual(given.map((q) => q.speaker), ['vautrin', 'mara', 'vautrin', 'mara', 'vautrin']);
  assert.deepEqual(given.map((q) => q.cue), ['tag-name', 'tag-name', 'tag-name', 'tag-name', 'tag-name']);
  // Own cast: the title alone is no character of its own beside the one who carries it.
  const own = analyze(text);
  assert.deepEqual(own.characters.map((c) => c.name).sort(), ['Mademoiselle Vautrin', 'Mara']);
  assert.deepEqual([own.quotes[2].speaker, own.quotes[2].cue], [own.quotes[0].speaker, 'tag-name']);
});

test('a tag whose speech verb follows another verb (`Ada kept saying`, `hastened to explain`) names its subject', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'ada', name: 'Ada Vell', aliases: ['Ada'], gender: 'she' }] };
  const text = 'Rook and Mara came in from the rain.\n\n“Yes, it is all very sad,” Ada kept saying. “Nobody could help it.”\n';
  const q = analyze(text, { cast: trio, castOnly: true }).quotes[0];
  assert.deepEqual([q.speaker, q.cue], ['ada', 'tag-name']);
});

test('`quoted X` tags the quote before it, so the next quote with its own tag is another line', () => {
  const text = 'Rook waited.\n\n“Handsome is as handsome does,” quoted Rook. “I have heard that before, and doubt it,” remarked clever Mara.\n';
  assert.deepEqual(speakersOf(text), ['rook', 'mara']);
});

test('a listed character described by whose they are (`Rook’s Sister`) is the one the text calls so', () => {
  const kin: CastFile = { characters: [...cast.characters, { id: 'sis', name: "Rook'S Sister", gender: 'she' }] };
  const text = 'Rook and Mara came to the farm at dusk.\n\n“Do I get a drink?” said Rook’s sister.\n\n“You do,” said Mara.\n';
  const q = analyze(text, { cast: kin, castOnly: true }).quotes[0];
  assert.equal(q.speaker, 'sis');
});

test('an introducing tag’s subject: not the people of a relative clause closed by its comma, and a subject after `before`', () => {
  const trio: CastFile = { characters: [...cast.characters, { id: 'ada', name: 'Ada Vell', aliases: ['Ada'], gender: 'she' }] };
  const where = analyze('It was late when Rook, an hour afterwards, came into the room where she and Ada were sitting, and said, “We leave at dawn.”\n', { cast: trio, castOnly: true });
  assert.equal(where.quotes[0].speaker, 'rook');
  const before = analyze('A cart stood at the door, Ada driving Mara in it, before Rook came running upstairs, calling out, “Here I am at last!”\n', { cast: trio, castOnly: true });
  assert.equal(before.quotes[0].speaker, 'rook');
});

test('a tag before a quote ending in a semicolon introduces it (`she added;`)', () => {
  const text = '“Is the ferry late again?” asked Rook.\n\n“It is always late,” said Mara.\n\nShe glanced at the clock above the ticket window. Wishing to close the subject, she added; “We could walk instead.”\n';
  const q = analyze(text, { cast }).quotes[2];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-pronoun');
});

test('a line introduced after the previous paragraph’s quote, in the same sentence (`“…,” whereupon she said:`)', () => {
  const text = '“Is the ferry late again?” asked Rook.\n\n“It is always late,” said Mara.\n\nRook frowned at the board. “I never learn,” whereupon she shook her head and said, in her patient way:\n\n“We could walk instead.”\n';
  const q = analyze(text, { cast }).quotes[3];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-pronoun');
  // `whereupon` opens a clause: its subject, not the earlier tag's, says the line.
  const text2 = '“Is the ferry late again?” asked Rook.\n\n“It is always late,” said Mara.\n\nRook frowned at the board, “I never learn,” he muttered, whereupon she shook her head and said, in her patient way:\n\n“We could walk instead.”\n';
  assert.equal(analyze(text2, { cast }).quotes[3].speaker, 'mara');
});

test('a sentence saying someone speaks, right before the quote in its paragraph, tags it (`But at last she spoke. “…”`)', () => {
  const text = '“Is the ferry late again?” asked Rook.\n\n“It is always late,” said Mara.\n\nRook did not answer. The wind had dropped, and the water was flat and grey. But at last she spoke. “We could walk instead.”\n';
  const q = analyze(text, { cast }).quotes[2];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-pronoun');
});

test('a subject pronoun after `for` opens the clause of an introducing tag (`for she presently added,`)', () => {
  const text = '“Is the ferry late again?” asked Rook.\n\n“It is always late,” said Mara.\n\nThe dread of having been too civil came over her, for she presently added, “We could walk instead.”\n';
  const q = analyze(text, { cast }).quotes[2];
  assert.equal(q.speaker, 'mara');
  assert.equal(q.cue, 'tag-pronoun');
});

test('a telephone call is an exchange of its own: the caller named as it starts answers the one who took it', () => {
  const family: CastFile = {
    characters: [
      { id: 'nina', name: 'Nina', aliases: ['Narrator'], gender: 'she' },
      { id: 'tobin', name: 'Tobin', gender: 'he' },
      { id: 'gran', name: 'Gran', gender: 'she' },
    ],
  };
  const text =
    [
      'Tobin dried the last plate and held it up to the light.',
      '“Spotless,” he said. “Admit it, Nina.”',
      '“Fine. Spotless.”',
      '“Say it like you mean it.”',
      '“I never say anything like I mean it.”',
      'My phone buzzes on the counter. Gran. I dry my hands and answer it.',
      '“Nina? Is that you, love?”',
      '“It’s me.” I tuck the phone against my shoulder and reach for a towel.',
      '“Are you eating properly?”',
      '“Yes.”',
      '“You don’t sound it.”',
      '“I’m eating right now.”',
      '“Good. Ring me on Sunday.”',
      'When I put the phone down, Tobin is stacking the plates in the wrong cupboard.',
      '“Who was that?” he asks.',
    ].join('\n\n') + '\n';
  const expected = ['tobin', 'tobin', 'nina', 'tobin', 'nina', 'gran', 'nina', 'gran', 'nina', 'gran', 'nina', 'gran', 'tobin'];
  // The rules alone (turn-taking between the two on the line), and with the shipped ranker.
  assert.deepEqual(analyze(text, { cast: family, castOnly: true, rankerModel: null }).quotes.map((q) => q.speaker), expected);
  assert.deepEqual(analyze(text, { cast: family, castOnly: true }).quotes.map((q) => q.speaker), expected);
});

test('a beat sentence that opens on a thing gives the line to the subject of its `and` clause', () => {
  const trio: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara', gender: 'she' },
      { id: 'ilse', name: 'Ilse', gender: 'she' },
      { id: 'rook', name: 'Rook', gender: 'he' },
    ],
  };
  const text =
    'Mara and Rook were arguing over the map when the rain started.\n\n“Left at the mill,” said Rook.\n\n“Right at the mill,” said Mara. “Ask anyone, Rook.”\n\n' +
    'The gate creaked open and Ilse came up the path with the lantern. “Ask me what?”\n';
  const doc = analyzeDocument(text, { cast: trio, castOnly: true, rankerModel: null });
  const e = runRules(doc).evidence[2][0];
  assert.equal(doc.characters[doc.mentionCharacters[e.mention]].id, 'ilse');
  assert.equal(e.cue, 'beat');
  // `and he heard…` is someone taking in another's words, not the one speaking.
  const heard = 'Rook waited by the door.\n\nThe bell rang twice and Rook heard the voice outside. “Open up!”\n';
  const d2 = analyzeDocument(heard, { cast: trio, castOnly: true, rankerModel: null });
  assert.equal(runRules(d2).evidence[0].length, 0);
  // `and Mara's perfume`: a possessor is no subject of a clause.
  const smell = 'Rook waited by the door.\n\nThe kitchen smelled of burnt toast and Mara\u2019s perfume. \u201cYou made charcoal.\u201d\n';
  const d3 = analyzeDocument(smell, { cast: trio, castOnly: true, rankerModel: null });
  assert.equal(runRules(d3).evidence[0].length, 0);
});

test('an untagged line right after narration that brings forward someone not yet heard is the newcomer\'s, not the next turn', () => {
  const trio: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara', gender: 'she' },
      { id: 'ilse', name: 'Ilse', gender: 'she' },
      { id: 'rook', name: 'Rook', gender: 'he' },
    ],
  };
  const text = [
    'Mara and Ilse were potting the seedlings in the shed.',
    '“Too much water,” said Mara.',
    '“Not enough,” said Ilse.',
    '“They’ll drown.”',
    '“They’ll thrive.”',
    'A shadow fell across the doorway. Rook stood there with a sack of compost on his shoulder.',
    '“Where do you want this?”',
    '“By the bench,” said Mara.',
  ].join('\n\n') + '\n';
  const speakers = analyze(text, { cast: trio, castOnly: true, rankerModel: null }).quotes.map((q) => q.speaker);
  assert.equal(speakers[4], 'rook');
  assert.equal(analyze(text, { cast: trio, castOnly: true }).quotes[4].speaker, 'rook');
  // A bystander named at the start of the scene who only reacts is no newcomer: the exchange goes on.
  const bystander = [
    'Mara and Ilse argued over the seedlings. Rook sat on the upturned crate with his tea.',
    '“Too much water,” said Mara.',
    '“Not enough,” said Ilse.',
    '“They’ll drown.”',
    'Rook rolled his eyes and went back to his tea.',
    '“They’ll thrive.”',
  ].join('\n\n') + '\n';
  const rules = analyze(bystander, { cast: trio, castOnly: true, rankerModel: null }).quotes.map((q) => q.speaker);
  assert.deepEqual(rules, ['mara', 'ilse', 'mara', 'ilse']);
});

test('a phone in the narration of a reply in the room (`put her phone away and answered him`) starts no call', () => {
  const trio: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara', gender: 'she' },
      { id: 'rook', name: 'Rook', gender: 'he' },
      { id: 'ilse', name: 'Ilse', gender: 'she' },
    ],
  };
  const text =
    [
      '“Are you coming tonight?” Rook asked.',
      '“Maybe,” said Mara.',
      'Ilse looked up from her phone and answered him with a shrug.',
      '“She means no.”',
      '“I mean maybe.”',
    ].join('\n\n') + '\n';
  const doc = analyzeDocument(text, { cast: trio, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  assert.equal(new Set(r.conv).size, 1, 'one conversation');
  assert.ok(r.calls.every((c) => c < 0), 'no call');
});

test('calls: a phone checked or ignored starts none; `answered her phone` starts one; a tag naming someone in the room, or hanging up, ends it', () => {
  const cast: CastFile = {
    characters: [
      { id: 'tony', name: 'Tony', gender: 'he' },
      { id: 'rhodey', name: 'Rhodey', gender: 'he' },
      { id: 'pepper', name: 'Pepper', gender: 'she' },
    ],
  };
  const callsOf = (paras: string[]) => {
    const doc = analyzeDocument(paras.join('\n\n') + '\n', { cast, castOnly: true, rankerModel: null });
    const r = runRules(doc);
    return { r, doc, onCall: [...r.conv].map((c) => r.calls[2 * c] >= 0) };
  };
  const room = ['“You broke it,” said Tony.', '“You built it,” said Rhodey.'];
  for (const narration of [
    'Rhodey’s phone buzzed. He ignored it and glanced at Pepper, who only shrugged.',
    'Tony picked up his phone and frowned at the screen. Pepper leaned over his shoulder.',
    'Pepper didn’t answer. She was scrolling through her phone while Rhodey paced.',
    // An answer that never came (`before he can answer`) beside a phone is no call taken.
    'Pepper gets in before he can answer. She sleeps with her phone on the pillow.',
    'Pepper cut in before Tony could answer, her phone still in her hand.',
  ]) {
    const { onCall } = callsOf([...room, narration, '“Well?”', '“Well what?”']);
    assert.ok(onCall.every((x) => !x), narration);
  }
  const taken = callsOf([...room, 'Pepper answered her phone on the first ring. It was Tony.', '“Where are you?”', '“Downstairs.”']);
  assert.deepEqual(taken.onCall, [false, false, true, true]);
  // Back in the room by a tag naming someone not on the line; and a hang-up ends the call as well.
  const back = callsOf([...room, 'Pepper answered her phone on the first ring. It was Tony.', '“Where are you?”', '“Downstairs.”', '“Who was that?” Rhodey asks.', '“Nobody.”']);
  assert.deepEqual(back.onCall, [false, false, true, true, false, false]);
  const hung = callsOf([...room, 'Pepper answered her phone on the first ring. It was Tony.', '“Where are you?”', '“Downstairs.”', 'She hung up and turned round.', '“Well?”']);
  assert.deepEqual(hung.onCall, [false, false, true, true, false]);
  // Ringing a person is a call with no phone named (`went to ring Tony`, `rang him`); ringing a
  // bell or ringing for someone is not.
  const rung = callsOf([...room, 'Pepper went to ring Tony from the desk. It rang nine times.', '“Where are you?”', '“Downstairs.”']);
  assert.deepEqual(rung.onCall, [false, false, true, true]);
  assert.deepEqual(callsOf([...room, 'Pepper rang up Tony and waited.', '“Where are you?”', '“Downstairs.”']).onCall, [false, false, true, true]);
  for (const narration of [
    'Pepper rang the bell and waited by the door.',
    'Pepper rang for Rhodey and sat down again.',
    'As Pepper rang her bell, the door opened.',
    'Pepper turned the ring Tony had given her.',
    'Pepper rang the nurse’s bell twice.',
    'Pepper promised to ring him back later.',
    'Pepper said she would ring Tony tomorrow.',
  ]) {
    assert.ok(callsOf([...room, narration, '“Well?”', '“Well what?”']).onCall.every((x) => !x), narration);
  }
  // A call after a long stretch of narration is still seen.
  const long = 'The workshop was quiet for a long time after that, quieter than it had been in weeks, and nobody moved to fill it. '.repeat(4);
  const late = callsOf([...room, long, long, 'Pepper answered her phone on the first ring. It was Tony.', '“Where are you?”', '“Downstairs.”']);
  assert.deepEqual(late.onCall, [false, false, true, true]);
});

test('calls: the caller is the one named as calling (`It was Tony.`), the other the one who answers, not whoever the paragraph names first', () => {
  const cast: CastFile = {
    characters: [
      { id: 'tony', name: 'Tony', gender: 'he' },
      { id: 'rhodey', name: 'Rhodey', gender: 'he' },
      { id: 'pepper', name: 'Pepper', gender: 'she' },
    ],
  };
  const text = [
    '“You broke it,” said Rhodey.',
    '“I improved it,” said Pepper.',
    'Rhodey watched as Pepper answered her phone on the first ring. It was Tony.',
    '“Are you still at the lab?”',
    '“Still here.”',
    '“Stay there. I’m coming up.”',
  ].join('\n\n') + '\n';
  const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
  const r = runRules(doc);
  const c = r.conv[2];
  assert.deepEqual([r.calls[2 * c], r.calls[2 * c + 1]].map((i) => doc.characters[i].id), ['pepper', 'tony']);
  // Only the caller named: nobody to put on the other end, so no call (the talk goes on as it was).
  const lone = analyzeDocument('“You broke it,” said Rhodey.\n\n“I improved it,” said Pepper.\n\nThe phone rang. It was Tony.\n\n“Well?”\n', { cast, castOnly: true, rankerModel: null });
  assert.ok(runRules(lone).calls.every((x) => x < 0), 'no call');
  // The caller speaks first, as in the other call scenes; Rhodey, who only watches, says nothing.
  assert.deepEqual(analyze(text, { cast, castOnly: true, rankerModel: null }).quotes.slice(2).map((q) => q.speaker), ['tony', 'pepper', 'tony']);
});

test('a title two listed characters hold (`the duchess`) is the holder the scene named last', () => {
  const two: CastFile = {
    characters: [
      ...cast.characters,
      { id: 'rye', name: 'Duchess Of Rye', aliases: ['Ottilie'], gender: 'she' },
      { id: 'fenn', name: 'Duchess Of Fenn', gender: 'she' },
    ],
  };
  const first = 'The Duchess of Rye poured the tea while Rook watched the rain.\n\n“More sugar?” asked the duchess.\n\n“None,” Rook said.\n';
  const second = 'Rook bowed to the Duchess of Fenn at the gate.\n\n“You are late,” said the duchess.\n';
  const filler = 'Rook walked for an hour along the cliffs in silence. '.repeat(40);
  const a = analyze(`${first}\n***\n\n${filler}\n\n${second}`, { cast: two, castOnly: true });
  assert.deepEqual(
    a.quotes.map((q) => q.speaker),
    ['rye', 'rook', 'fenn'],
    'each `said the duchess` goes to the duchess named in its own scene',
  );
  // The mentions themselves, not only the lines: each lower-case `the duchess` is its scene's duchess.
  const doc = analyzeDocument(`${first}\n***\n\n${filler}\n\n${second}`, { cast: two, castOnly: true });
  const read: string[] = [];
  for (let i = 0; i < doc.mentionCount; i++) {
    if (doc.mentionText(i) === 'the duchess') read.push(doc.mentionCharacters[i] >= 0 ? doc.characters[doc.mentionCharacters[i]].id : '-');
  }
  assert.deepEqual(read, ['rye', 'fenn'], 'each `the duchess` is a mention of the duchess its scene named');
});

test('a beat whose subject follows an opening phrase that names nobody (`After the long road, Ilse sat down.`)', () => {
  const trio: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara', gender: 'she' },
      { id: 'ilse', name: 'Ilse', gender: 'she' },
      { id: 'rook', name: 'Rook', gender: 'he' },
    ],
  };
  const evidenceOf = (text: string, u: number): string | null => {
    const doc = analyzeDocument(text, { cast: trio, castOnly: true, rankerModel: null });
    const e = runRules(doc).evidence[u][0];
    return e ? doc.characters[doc.mentionCharacters[e.mention]]?.id ?? null : null;
  };
  const before = 'Mara and Rook argued over the map.\n\nAfter the long road and the longer quarrel, Ilse sat down on the step. “Is there any tea?”\n';
  assert.equal(evidenceOf(before, 0), 'ilse', 'the subject after the opening phrase is the beat of the line after it');
  const after = 'Mara and Rook argued over the map.\n\n“Is there any tea?” Nobody answered. At last, worn out by the quarrel, Ilse sat down on the step.\n';
  assert.equal(evidenceOf(after, 0), 'ilse', 'a later sentence of the paragraph: the subject after its opening phrase is the beat');
  // An opening phrase that names someone says nothing certain about whose sentence it is (a clause
  // of its own, `When the kettle boiled for Rook, Ilse sat down`, has its subject after the comma:
  // see the test of leading clauses).
  const named = 'Mara and Rook argued over the map.\n\nWith the kettle in Rook\u2019s hands at last, Ilse sat down on the step. “Is there any tea?”\n';
  assert.notEqual(evidenceOf(named, 0), 'ilse', 'a phrase naming someone is no empty opening phrase');
  // `Slowly, Ilse's hand…`: a possessor is no subject.
  const possessor = 'Mara and Rook argued over the map.\n\nAt the end of the long day, Ilse\u2019s hand shook on the cup. “Is there any tea?”\n';
  assert.notEqual(evidenceOf(possessor, 0), 'ilse', 'a possessor after the opening phrase is no subject');
});

test('a voice tag: `the voice of the skipper` names its owner; `a voice`, then a name in the narration, is that one; never the one who just spoke', () => {
  const crew: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara', gender: 'she' },
      { id: 'skipper', name: 'Bellweather', aliases: ['the skipper'], gender: 'he' },
      { id: 'rook', name: 'Rook', gender: 'he' },
    ],
  };
  const evidenceOf = (text: string, u: number): string | null => {
    const doc = analyzeDocument(text, { cast: crew, castOnly: true, rankerModel: null });
    const e = runRules(doc).evidence[u][0];
    return e ? doc.characters[doc.mentionCharacters[e.mention]]?.id ?? null : null;
  };
  const owned = 'Rook sat by the stove with Mara.\n\nA knock shook the hatch. “Who is out there?” he called.\n\n“Only me!” answered the voice of the skipper, through the planks.\n';
  assert.equal(evidenceOf(owned, 1), 'skipper', '`the voice of the skipper`: the description after `voice of` is the speaker');
  const named = 'Rook sat by the stove with Mara.\n\n“Is the kettle on?” asked a voice from the ladder, and Bellweather climbed down into the light.\n';
  assert.equal(evidenceOf(named, 0), 'skipper', 'the one the narration names after `asked a voice` is the speaker');
  const heard = 'Rook sat by the stove with Mara.\n\n“Is the kettle on?” asked a voice, which Rook thought he knew.\n';
  assert.notEqual(evidenceOf(heard, 0), 'rook', 'one who takes the voice in is not its owner');
  // `replied a voice` answers the line before: not its speaker, whatever the recent names say.
  const reply = 'Rook sat by the stove.\n\n“Who is out there?” cried Rook.\n\n“Nobody you know,” replied a low voice.\n';
  const speakers = analyze(reply, { cast: crew, castOnly: true }).quotes.map((q) => q.speaker);
  assert.notEqual(speakers[1], 'rook', 'a voice replying is not the one it replies to');
});

test('`said the voice` after a voice\'s line is that voice going on; after someone else\'s line, not that one', () => {
  const tower: CastFile = {
    characters: [
      { id: 'mara', name: 'Mara', gender: 'she' },
      { id: 'rook', name: 'Rook', gender: 'he' },
      { id: 'warden', name: 'Holt', aliases: ['the warden'], gender: 'he' },
    ],
  };
  const speakersIn = (text: string) => analyze(text, { cast: tower, castOnly: true }).quotes.map((q) => q.speaker);
  const opening = 'Mara and Rook climbed to the tower. Holt the warden was awake upstairs, and the lamp burned in his room.\n\nMara knocked at the door.\n\n';
  const goesOn = speakersIn(opening + '“Come in,” said a voice.\n\nMara hesitated on the step.\n\n“Closer,” said the voice.\n');
  assert.notEqual(goesOn[0], null, 'the first line has a speaker');
  assert.equal(goesOn[1], goesOn[0], '`the voice` right after `a voice` (narration between) is the same one');
  // The voice meant is the last one heard, past another's line; and it is not that other.
  const between = speakersIn(opening + '“Come in,” said a voice.\n\n“Who is there?” Mara asked.\n\n“A friend,” said the voice.\n');
  assert.equal(between[1], 'mara', 'the tag names Mara');
  assert.notEqual(between[2], 'mara', '`the voice` answering Mara is not Mara');
  assert.equal(between[2], between[0], '`the voice` is the voice heard two lines before');
  // `a voice` again is another voice: not the one who just spoke.
  const another = speakersIn(opening + '“Come in,” said a voice.\n\nMara hesitated on the step.\n\n“Go home,” said a voice.\n');
  assert.notEqual(another[1], another[0], 'a second `a voice` is someone else');
  // `replied the other` still answers the one who spoke just before.
  const other = speakersIn(opening + '“Come in,” said a voice.\n\n“Are you the warden?” asked Mara.\n\n“I am,” replied the other.\n');
  assert.notEqual(other[2], 'mara', '`replied the other` is not the one it replies to');
});

test('in a first-person story the narrator is `I`, never the `he` of a tag', () => {
  const told: CastFile = {
    characters: [
      { id: 'me', name: 'Jonah Reyes', aliases: ['Narrator', 'Jonah'], gender: 'he' },
      { id: 'cass', name: 'Cass', gender: 'he' },
      { id: 'ava', name: 'Ava', gender: 'she' },
    ],
  };
  const text =
    'I waited on the platform for an hour. I had not slept. I counted the trains. Cass came at last, with Ava behind him.\n\n' +
    '“You look tired, Jonah,” Ava said.\n\n“I am,” I said.\n\n“He always is,” he said.\n\n' +
    'I laughed. I picked up my bag and I walked ahead of them to the car.\n\n“Where did you park?” he asked.\n';
  assert.deepEqual(
    analyze(text, { cast: told, castOnly: true, rankerModel: null }).quotes.map((q) => q.speaker),
    ['ava', 'me', 'cass', 'cass'],
    'the rules give both `he` lines to Cass, however often the narrator spoke or acted just before',
  );
});

test('a speech verb far back in the quote’s own sentence introduces it (`Rook said, looking out over …, “…`)', () => {
  const text = 'Mara sat on the rail.\n\nThere was a long silence, and then Rook said, looking out over the grey and swollen water of the harbour, all a sort of dull purple, “We shall all be wet soon.”\n';
  const a = analyze(text, { cast });
  assert.equal(a.quotes[0].speaker, 'rook');
  assert.equal(a.quotes[0].cue, 'tag-name');
});

test('`was all X’s reply` names the speaker', () => {
  const text = 'Rook went on about the weather for a long time.\n\n“That may be,” was all Mara Quill’s reply.\n';
  const doc = analyzeDocument(text, { cast });
  const rules = runRules(doc);
  assert.equal(doc.characters[rules.speakers[0]]?.name, 'Mara Quill');
  assert.equal(rules.cues[0], 'tag-name');
});

test('a line that goes on after the same speaker’s own turn is said to whoever spoke before that', () => {
  const text = [
    '“Where were you?” Rook asked.',
    '“At the harbour,” said Mara.',
    'She pulled off her gloves and dropped them on the table.',
    '“The boats are all in,” said Mara.',
  ].join('\n\n') + '\n';
  const a = analyze(text, { cast });
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['rook', 'mara', 'mara']);
  // The third line follows Mara's own; it is still said to Rook.
  assert.ok(a.quotes[2].addressees.includes('rook'), `addressees: ${a.quotes[2].addressees.join(', ')}`);
});

test('chat and script lines take the speaker their label names, with our cast or a given one', () => {
  const text = [
    'Marit checked her phone under the table. The arbiter was looking the other way.',
    'Dessa: well????',
    'Marit: still playing',
    'Dessa: did you do the knight thing',
    'Marit: no',
    'Dessa: liar',
    'She put the phone away and looked at the board.',
  ].join('\n\n');
  const a = analyze(text);
  assert.deepEqual(a.quotes.map((q) => a.characters.find((c) => c.id === q.speaker)?.name), ['Dessa', 'Marit', 'Dessa', 'Marit', 'Dessa']);
  assert.ok(a.quotes.every((q) => q.cue === 'tag-name'), JSON.stringify(a.quotes.map((q) => q.cue)));
  const given: CastFile = { characters: [{ id: 'd', name: 'Dessa Morrow', aliases: ['Dessa'], gender: 'she' }, { id: 'm', name: 'Marit Lund', aliases: ['Marit'], gender: 'she' }] };
  assert.deepEqual(analyze(text, { cast: given }).quotes.map((q) => q.speaker), ['d', 'm', 'd', 'm', 'd']);
  // A chat pasted with single line breaks, the narrator as `Me`.
  const me = analyze('Jake had not answered all day. I checked my phone again. I was starting to worry, and I hated that I was.\n\nMe: where are you\nJake: outside\nMe: outside where??\nJake: look up\n\nI looked up.');
  const narrator = me.characters.find((c) => c.narrator)!;
  assert.deepEqual(me.quotes.map((q) => q.speaker), [narrator.id, 'jake', narrator.id, 'jake']);
  // A script in capitals, the narration naming the same people in mixed case.
  const script = analyze('The kitchen was dark when John came in.\n\nJOHN: Where were you?\n\nMARY: Out.\n\nJOHN: Out where?\n\nMary did not look at him.\n\nMARY: Does it matter?');
  const nameOf = (id: string | null) => script.characters.find((c) => c.id === id)?.aliases.map((n) => n.toLowerCase());
  assert.deepEqual(script.quotes.map((q) => nameOf(q.speaker)?.includes('john') ? 'john' : nameOf(q.speaker)?.includes('mary') ? 'mary' : null), ['john', 'mary', 'john', 'mary']);
});

test("a tag owned by a name (`answered Daisy's mamma`) is never that name's, and a description of one sex never the other's", () => {
  const text = 'Daisy Meller sat by the lake with Frank Winter.\n\n"Oh, no; with this gentleman!" answered Daisy\'s mamma.\n\n"Quite so," said Frank.\n';
  // With the mother listed, the names make her Daisy's mamma.
  const family: CastFile = {
    characters: [
      { id: 'daisy', name: 'Daisy Meller', aliases: ['Daisy'], gender: 'she' },
      { id: 'mrs', name: 'Mrs. Meller', gender: 'she' },
      { id: 'frank', name: 'Frank Winter', aliases: ['Frank'], gender: 'he' },
    ],
  };
  assert.deepEqual(analyze(text, { cast: family }).quotes.map((q) => q.speaker), ['mrs', 'frank']);
  // Without her, nobody we know: not Daisy (who owns the description), not Frank (a man).
  const own = analyze(text);
  assert.equal(own.quotes[0].speaker, null);
  // So with a lost apostrophe (`Daisy s mamma`, as some old e-texts print it).
  assert.equal(analyze(text.replace("Daisy's", 'Daisy s'), { cast: family }).quotes[0].speaker, 'mrs');
});

test('`someone beside me said` names nobody: no tag or beat for the sentence’s earlier subject; `when someone laughed, Rook said` is still Rook’s', () => {
  const text = [
    'I was reading the back of the book when someone beside me said, \u201cYou\u2019ve got it upside down.\u201d',
    'I turned. Rook was grinning at me.',
  ].join('\n\n');
  const doc = analyzeDocument(text, { cast });
  const rules = runRules(doc);
  assert.deepEqual(rules.evidence[0], []);
  const named = analyzeDocument('When someone laughed at the back, Rook said, \u201cQuiet.\u201d\n', { cast });
  assert.equal(named.characters[runRules(named).speakers[0]]?.id, 'rook');
  // `everyone` as an object (`turned to everyone and said`) leaves the tag its subject.
  const object = analyzeDocument('Rook stood up, turned to everyone and said, \u201cWe leave at dawn.\u201d\n', { cast });
  assert.equal(object.characters[runRules(object).speakers[0]]?.id, 'rook');
  // A fronted phrase ending in a name (`Just behind Mara somebody said`) is no subject of the tag.
  const behind = analyzeDocument('Mara and Rook reached the gate.\n\nJust behind Mara somebody said, \u201cYou dropped this.\u201d\n', { cast });
  assert.deepEqual(runRules(behind).evidence[0], []);
});

test('a beat opening on a clause of its own (`When she was gone, Rook leaned in`) is the main clause subject’s, not the clause’s', () => {
  const text = [
    '\u201cI\u2019ll leave you to it,\u201d said Mara, and went out.',
    'When she was gone, Rook leaned in and lowered his voice. \u201cThen what do you suggest?\u201d',
  ].join('\n\n');
  const doc = analyzeDocument(text, { cast });
  const rules = runRules(doc);
  assert.equal(doc.characters[rules.speakers[1]]?.id, 'rook');
  // A clause about speaking has its speaker: `When Rook finally spoke, Mara leaned closer`.
  const spoke = analyzeDocument('\u201cWell?\u201d said Mara.\n\nWhen Rook finally spoke, Mara had to lean closer to hear him. \u201cI sold the farm.\u201d\n', { cast, castOnly: true, rankerModel: null });
  assert.equal(spoke.characters[runRules(spoke).speakers[1]]?.id, 'rook');
  // Not any verb a tag may use: `When Mara went out to the car` is no clause about speaking.
  const went = analyzeDocument('\u201cWell?\u201d said Mara.\n\nWhen Mara went out to the car, Rook leaned across the table. \u201cShe knows.\u201d\n', { cast, castOnly: true, rankerModel: null });
  assert.equal(went.characters[runRules(went).speakers[1]]?.id, 'rook');
  // With no comma closing the clause, the sentence is read as before.
  const plain = analyzeDocument('\u201cWell?\u201d said Mara.\n\nRook leaned in. \u201cThen what?\u201d\n', { cast });
  assert.equal(plain.characters[runRules(plain).speakers[1]]?.id, 'rook');
});

test('a beat whose sentence ends on a clause of someone else acting (`Mara gave him a look, and he shrugged.`) is that clause’s subject’s; the same subject again, one taking in or holding back, is not', () => {
  const speakerOf = (text: string): string | undefined => {
    const doc = analyzeDocument(text, { cast, castOnly: true, rankerModel: null });
    return doc.characters[runRules(doc).speakers[1]]?.id;
  };
  const intro = '\u201cI believe he saw something,\u201d said Rook.\n\n';
  assert.equal(speakerOf(intro + 'Mara gave him a look, and he shrugged. \u201cThat\u2019s as far as I go.\u201d\n'), 'rook');
  assert.equal(speakerOf(intro + 'Mara gave him a look, and she shrugged. \u201cThat\u2019s as far as I go.\u201d\n'), 'mara');
  assert.equal(speakerOf(intro + 'Mara gave him a look, and he heard her sigh. \u201cThat\u2019s as far as I go.\u201d\n'), 'mara');
  // Someone acting, not holding back (`but he did not answer`, `and he said nothing`).
  assert.equal(speakerOf(intro + 'Mara asked him again, but he did not answer. \u201cFine. Keep your secrets.\u201d\n'), 'mara');
  assert.equal(speakerOf(intro + 'Mara waited for him to go on, and he said nothing. \u201cSay something, then.\u201d\n'), 'mara');
  assert.equal(speakerOf(intro + 'Mara poured the tea, and Rook looked up from his paper. \u201cYou\u2019re up early.\u201d\n'), 'rook');
});
