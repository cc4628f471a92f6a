/**
 * Text messages written as quoted lines: the sender of a message that arrives, the narrator for one
 * they type, and no such reading of ordinary narration (`she replied:`, a message sent by hand).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';
import { Document } from '../src/document/document.js';
import { runPipeline } from '../src/pipeline/run.js';
import { runRules } from '../src/stages/attribution/index.js';
import { messageSenders } from '../src/stages/attribution/text-messages.js';
import type { Analysis, CastFile } from '../src/types.js';

const speakerOf = (a: Analysis, start: string): string | undefined => {
  const q = a.quotes.find((x) => x.text.startsWith(start));
  assert.ok(q, `no line ${start}`);
  return a.characters.find((c) => c.id === q!.speaker)?.name;
};

const FLAT = [
  'Callum is on his knees among the flat-pack panels. He holds a dowel up to the bulb. "Is this a C?"',
  'I lean over his shoulder. "That\'s a D."',
  '"What\'s the difference?" Callum asks.',
  '"About two centimetres," I say. I sit down on the carpet, and that is when my phone buzzes.',
  'It\'s Kit.',
  '"where are you"',
  'Then a second one, before I have even unlocked the screen.',
  '"they are doing the cake at nine and you PROMISED"',
  'I type back with my thumb: "twenty mins. brother emergency"',
  'The three dots appear almost at once.',
  '"unbelievable"',
  '"Who\'s that?" Callum asks, without looking up.',
  '"Kit," I say. "Hold this panel."',
].join('\n\n');

test('a message that arrives is its sender\'s; one the narrator types is the narrator\'s; the talk in the room is not', () => {
  const a = analyze(FLAT);
  assert.equal(speakerOf(a, 'where are you'), 'Kit');
  // The reader's own claim (the cue shows only where the ranker chose someone else).
  const doc = runPipeline(new Document(FLAT), {}, 'cast');
  const senders = messageSenders(doc, runRules(doc));
  const u = a.quotes.find((q) => q.text.startsWith('where are you'))!.utterance;
  assert.equal(doc.characters[senders[u]]?.name, 'Kit');
  // `Then a second one.`: the same sender again; `The three dots appear`: the one the exchange is with.
  assert.equal(speakerOf(a, 'they are doing the cake'), 'Kit');
  assert.equal(speakerOf(a, 'unbelievable'), 'Kit');
  const narrator = a.characters.find((c) => c.narrator)!;
  assert.equal(a.quotes.find((q) => q.text.startsWith('twenty mins'))!.speaker, narrator.id);
  assert.equal(speakerOf(a, "Who's that?"), 'Callum');
});

test('the sender named right after the message, and a burst of messages, are read so', () => {
  const story = [
    'The playing hall smelled of floor polish, and by the time I found board fourteen my hands had stopped shaking.',
    'My phone buzzed before I had even pulled out the chair.',
    '"Good luck!!! Crush him."',
    'Dessa. She had been texting me since breakfast. I typed back one-handed.',
    '"Thanks. Nervous."',
    'My opponent arrived at ten. "You\'re Marit?" he asked. "I thought you\'d be older."',
    '"I get that a lot," I said.',
    'We played for four hours. In the corridor afterwards I switched my phone back on and it went off like a slot machine.',
    '"well????"',
    '"answer me"',
    'I leaned against the noticeboard and typed with both thumbs.',
    '"Won."',
    'The reply came in under a second.',
    '"I hate you. So proud of you."',
  ].join('\n\n');
  // (A cast given: a story this short names Dessa once, too few for a character of our own.)
  const a = analyze(story, { cast: { characters: [{ id: 'marit', name: 'Marit', narrator: true }, { id: 'dessa', name: 'Dessa' }, { id: 'vell', name: 'Casimir Vell' }] } });
  const narrator = a.characters.find((c) => c.narrator)!;
  assert.equal(narrator.id, 'marit');
  assert.equal(speakerOf(a, 'Good luck'), 'Dessa');
  assert.equal(a.quotes.find((q) => q.text.startsWith('Thanks. Nervous'))!.speaker, narrator.id);
  assert.equal(speakerOf(a, 'well????'), 'Dessa');
  assert.equal(speakerOf(a, 'answer me'), 'Dessa');
  assert.equal(a.quotes.find((q) => q.text.startsWith('Won.'))!.speaker, narrator.id);
  assert.equal(speakerOf(a, 'I hate you'), 'Dessa');
});

test('no message read into ordinary narration: a reply in the room, a note sent by hand, bees, a doorbell, a typewriter, a cinema, a call, a smoke alarm', () => {
  // messageSenders itself, not only the cue: a claim the ranker happens to agree with shows no cue.
  const claims = (text: string, cast?: CastFile): number[] => {
    const doc = runPipeline(new Document(text), cast ? { cast } : {}, 'cast');
    return Array.from(messageSenders(doc, runRules(doc))).filter((c) => c >= 0);
  };
  const passages = [
    ['Mrs. Hale looked at her sharply. "You were in the garden all evening?"', 'I felt certain she would have liked to tear the lawyer to pieces, but she replied quietly enough:', '"No. I was in the library with my book."', 'Before I could reply, one of the footmen opened the door and put his head in.', '"There is a lady below, sir."', 'The doctor sent a message to Mrs. Hale by the boy. It was:', '"Keep the girl in the open air all summer."'],
    ['Tom had been weeding the long border since lunch. Mrs Hale came down the path with a jug of lemonade.', '"Sit down," she said.', 'Two bees buzzed in the lavender between them. Tom watched them.', '"They\'re restless today."', '"It\'s the heat."', '"Is thunder coming?"', '"My knee says so."'],
    ['Mr Aldous walked up and down the office. Miss Penrose typed the date.', '"To the Manager, the Northern Bank. Dear Sir."', '"Dear Sir," she repeated.'],
    ['The lights went down. The screen lit up with the lion. Ruth glanced sideways at Arthur.', '"I hate this bit," he whispered.', '"You always say that."'],
    ['Agnes held the receiver tight. The line buzzed and clicked.', '"Agnes? Is that you?" said Robert.', '"Of course it is."'],
  ];
  for (const lines of passages) assert.deepEqual(claims(lines.join('\n\n')), [], lines[0]);
  // Texts before, then the room: the doorbell, another officer, the smoke alarm, a question in the room.
  const cast: CastFile = { characters: [{ id: 'jo', name: 'Jo', narrator: true }, { id: 'kit', name: 'Kit' }, { id: 'dad', name: 'Dad', gender: 'he' }, { id: 'okafor', name: 'Sergeant Okafor', aliases: ['Okafor'], gender: 'she' }] };
  const story = [
    'I was halfway through the washing-up when my phone buzzed on the windowsill. It was Kit.',
    '"are you coming tonight or not"',
    'I dried my hands and typed back with one thumb.',
    '"maybe. depends on the bus"',
    'The doorbell chimed.',
    '"Parcel for number nine!"',
    'Another officer came in behind Sergeant Okafor, and Okafor pointed at the sofa.',
    '"Nobody move. Sit down there."',
    'Then the smoke alarm went off, and Dad came running in with a tea towel.',
    '"What did you burn?"',
    '"Nothing!" I said.',
  ].join('\n\n');
  const doc = runPipeline(new Document(story), { cast }, 'cast');
  const senders = messageSenders(doc, runRules(doc));
  assert.deepEqual(Array.from(senders.slice(2)).filter((c) => c >= 0), [], 'nothing after the two texts is a text');
  assert.equal(doc.characters[senders[0]].id, 'kit');
  assert.equal(doc.characters[senders[1]].id, 'jo');
});

test('third person: whose phone it is, who types, a colon naming the sender, `That\'s from Dani.`, and each writer\'s habits', () => {
  const story = [
    'The chairs outside the ward were bolted together in rows of four. Hannah took the one nearest the vending machine.',
    'Her phone buzzed against her thigh, and she nearly dropped it.',
    '\u201cany news??? ive been staring at my phone for an hour\u201d',
    'Lou, obviously. Nobody else texted in lower case with three question marks.',
    'Hannah typed with her thumb, deleted it, typed again.',
    '\u201cNothing yet. They said two hours.\u201d',
    '\u201cok so thats still inside the window\u201d',
    '\u201cthats NORMAL han. thats what the window is for\u201d',
    'Uncle Teddy came back along the corridor with two paper cups and handed her one. \u201cHot chocolate. They\u2019d run out of tea.\u201d',
    '\u201cThanks,\u201d Hannah said.',
    'The screen lit up again. Then Lou, predictably:',
    '\u201cis your uncle there? the one with the van?\u201d',
    'She smiled despite herself and thumbed back a reply.',
    '\u201cHe just brought me a hot chocolate that tastes like a box.\u201d',
    '\u201cLou says hi,\u201d Hannah said.',
  ].join('\n\n');
  const a = analyze(story, { cast: { characters: [{ id: 'hannah', name: 'Hannah', gender: 'she' }, { id: 'lou', name: 'Lou', gender: 'she' }, { id: 'teddy', name: 'Uncle Teddy', aliases: ['Teddy'], gender: 'he' }] } });
  assert.equal(speakerOf(a, 'any news'), 'Lou'); // named right after
  assert.equal(speakerOf(a, 'Nothing yet'), 'Hannah'); // `Hannah typed`
  assert.equal(speakerOf(a, 'ok so thats'), 'Lou'); // the other side answers
  assert.equal(speakerOf(a, 'thats NORMAL'), 'Lou'); // written as Lou writes, not as Hannah does
  assert.equal(speakerOf(a, 'Hot chocolate'), 'Uncle Teddy');
  assert.equal(speakerOf(a, 'is your uncle'), 'Lou'); // `Then Lou, predictably:`
  assert.equal(speakerOf(a, 'He just brought'), 'Hannah'); // `She … thumbed back`: the one holding the phone
});

test('a call taken is talk, not a text: `My phone buzzes. Mum. I answer it.`', () => {
  const story = [
    '"It\'s a train, not a promise," I tell Dex. He laughs.',
    'My phone buzzes. Mum. I step away from the bench and answer it.',
    '"Priya? Are you on the train?"',
    '"Not yet. It\'s late."',
    '"Again? I\'ll leave the porch light on."',
  ].join('\n\n');
  const a = analyze(story, { cast: { characters: [{ id: 'priya', name: 'Priya', narrator: true }, { id: 'mum', name: 'Mum', gender: 'she' }, { id: 'dex', name: 'Dex', gender: 'he' }] } });
  assert.ok(!a.quotes.some((q) => q.cue === 'text-message'), JSON.stringify(a.quotes.map((q) => [q.text.slice(0, 20), q.cue])));
  assert.equal(speakerOf(a, 'Priya? Are you'), 'Mum');
});
