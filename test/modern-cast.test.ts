/**
 * Cast and speaker behaviours that modern prose leans on (present-tense beats, casual calls by name,
 * nameless speakers known by their job, self-introductions), each found failing on the blind scenes
 * of test/fixtures/modern (ferry, tournament, orchard, nightshift) and written here as small
 * passages of their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../src/document/document.js';
import { runPipeline } from '../src/pipeline/run.js';
import { analyze } from '../src/index.js';
import type { CastFile } from '../src/types.js';

function cast(text: string): Document {
  return runPipeline(new Document(text), {}, 'cast');
}
const names = (doc: Document): string[] => doc.characters.map((c) => c.name);

test('`No.` keeps its period only before a number: a line `No.` is the word, never a name', () => {
  const doc = cast('\u201cNo.\u201d Nell climbed down the ladder. \u201cNo, it\u2019s fine.\u201d\n\n\u201cNo.\u201d He handed her the apple.\n\nThe crate was No. 4 in the row.');
  assert.ok(!names(doc).some((n) => /^No\b/.test(n)), names(doc).join(', '));
  const d = runPipeline(new Document('It was No. 4. No. She left.'), {}, 'tokens');
  const words = Array.from({ length: d.tokenCount }, (_, t) => d.tokenText(t));
  assert.ok(words.includes('No.'), words.join(' | '));
  assert.equal(words.filter((w) => w === 'No').length, 1, words.join(' | '));
});

test('a word opening a line as a sentence of its own is a call only if it is a name elsewhere', () => {
  // `Tea.` opens two lines and nothing else: no character. `Jory.` opens a line too, but Jory acts in the narration.
  const text = [
    'Hal comes out of the lounge with two paper cups and pushes one into my hands.',
    '\u2018Tea. Two sugars. Don\u2019t argue.\u2019',
    '\u2018I wasn\u2019t going to.\u2019',
    'A man in a hi-vis jacket clatters up the steps. Hal laughs. \u2018Jory. You\u2019re still on the boats?\u2019',
    'Jory grins. \u2018Tea\u2019s on me.\u2019',
  ].join('\n\n');
  const doc = cast(text);
  assert.ok(!names(doc).includes('Tea'), names(doc).join(', '));
  assert.ok(names(doc).includes('Jory'), names(doc).join(', '));
});

test('present-tense beats show a name to be a person (`Bryony clears her throat.`)', () => {
  const text = [
    'The ferry is late. I lean on the rail.',
    'Through the window I can see Bryony still on the bench inside, coat zipped to her chin.',
    'Bryony comes out with one hand clamped on her hat.',
    'Bryony clears her throat. \u2018Do you know the house?\u2019',
    'Bryony studies her boots.',
  ].join('\n\n');
  assert.ok(names(cast(text)).includes('Bryony'), names(cast(text)).join(', '));
  // The same name only opening sentences, with no verb of a person next to it, stays unproven.
  assert.ok(!names(cast('Bryony grows on the hedge. Bryony is poisonous. I walk on.')).includes('Bryony'));
});

test('a short first-person scene names its narrator by a call whose paragraph has the speaker look at `me`', () => {
  const text = [
    'I stand at the stern rail with Hal. I watch the gulls ride the wake, and I try not to think about the house.',
    '\u2018Still on the boats,\u2019 Jory says. Then he sees me properly. \u2018And you\u2019re the little one. I\u2019m sorry about your mum, Nessa.\u2019',
    '\u2018Thanks.\u2019',
    'Hal looks at the sea. I shake my head, and I grip the rail until my hands hurt.',
  ].join('\n\n');
  const doc = cast(text);
  assert.deepEqual(doc.characters.filter((c) => c.narrator).map((c) => c.name), ['Nessa'], names(doc).join(', '));
  // Without the look at `me`, the call is said to someone else and names no narrator.
  const other = cast(text.replace('Then he sees me properly.', 'Then he sees Hal properly.'));
  assert.ok(!other.characters.some((c) => c.narrator && c.name === 'Nessa'), names(other).join(', '));
});

test('a call after a greeting with no comma (`Good luck Marit!!!`) is a call, and the narrator it names', () => {
  const text = [
    'My phone buzzed before I had even pulled out the chair. I read it twice.',
    '"Good luck Marit!!! Crush him."',
    'I typed back one-handed, and I smiled at the screen.',
    '"Thanks Dessa," I said to nobody.',
  ].join('\n\n');
  const doc = cast(text);
  assert.deepEqual(doc.characters.filter((c) => c.narrator).map((c) => c.name), ['Marit'], names(doc).join(', '));
});

test('a description with a telling head that tags speech twice is a nameless speaker, not the one named person of the scene', () => {
  const text = [
    'My opponent arrived at two minutes to ten. He was Casimir Vell, and he shook my hand.',
    'At the front of the hall, the arbiter tapped the microphone.',
    '"Phones off, please," the arbiter said.',
    '"Players," the arbiter said, "you may start the clocks."',
    'Vell opened with the king\'s pawn. I answered.',
    'The arbiter was already at my elbow with a clipboard. "Result?"',
  ].join('\n\n');
  const a = analyze(text);
  const arbiter = a.characters.find((c) => c.name === 'the arbiter');
  assert.ok(arbiter, a.characters.map((c) => c.name).join(', '));
  const speakerOf = (start: string) => a.characters.find((c) => c.id === a.quotes.find((q) => q.text.startsWith(start))?.speaker)?.name;
  assert.equal(speakerOf('Phones off'), 'the arbiter');
  assert.equal(speakerOf('Players'), 'the arbiter');
});

test('a line that names its own speaker is theirs (`I\u2019m Dr. Doyle.`), unless its tag names someone else', () => {
  const given = {
    characters: [
      { id: 'kieran', name: 'Kieran Doyle', aliases: ['Kieran', 'Dr. Doyle'], gender: 'he' as const },
      { id: 'walter', name: 'Walter Prentice', aliases: ['Walter'], gender: 'he' as const },
    ],
  };
  const text = [
    'Walter was sitting on the edge of the bed with his coat on. Kieran came in behind the nurse.',
    '\u201cWho are you?\u201d Walter asked.',
    '\u201cHello, sir. I\u2019m Dr. Doyle,\u201d he said. \u201cI look after this bay tonight.\u201d',
    '\u201cI am Walter Prentice,\u201d said Kieran, reading the wristband aloud.',
  ].join('\n\n');
  const a = analyze(text, { cast: given });
  const hello = a.quotes.find((q) => q.text.startsWith('Hello, sir'))!;
  assert.equal(hello.speaker, 'kieran');
  assert.equal(hello.cue, 'self-named');
  // The tag names Kieran: the name in the line is the one he reads out.
  assert.equal(a.quotes.find((q) => q.text.startsWith('I am Walter'))!.speaker, 'kieran');
  // Two lines of one paragraph with a pronoun beat between: the self-named one takes the other along.
  const two = analyze(
    [
      'Walter was sitting on the edge of the bed with his coat on. Kieran came in behind the nurse.',
      '\u201cYou\u2019re the doctor?\u201d',
      '\u201cI\u2019ve been the doctor for eleven weeks.\u201d He crouched beside the bed. \u201cHello, sir. I\u2019m Dr. Doyle. Can you tell me your name?\u201d',
    ].join('\n\n'),
    { cast: given },
  );
  assert.equal(two.quotes.find((q) => q.text.startsWith('Hello'))!.speaker, 'kieran');
  assert.equal(two.quotes.find((q) => q.text.startsWith('I\u2019ve been'))!.speaker, 'kieran');
});

test('a name alone answering who one is names the answerer (`Who are you?` … `Silas Wren.`), not `Who\u2019s that?` nor a call', () => {
  const given = {
    characters: [
      { id: 'agnes', name: 'Agnes Pennick', aliases: ['Agnes'], gender: 'she' as const },
      { id: 'silas', name: 'Silas Wren', aliases: ['Silas', 'the man in the grey coat'], gender: 'he' as const },
      { id: 'bernard', name: 'Bernard Tuck', aliases: ['Bernard'], gender: 'he' as const },
    ],
  };
  const text = [
    'The man in the grey coat had not moved since the lamps went out. Bernard coughed.',
    '\u201cHe came.\u201d Agnes had not taken her eyes off the stranger. \u201cWho are you?\u201d',
    'He stood at last and began to unbutton the grey coat. \u201cSilas Wren. I sold your husband that clock.\u201d',
  ].join('\n\n');
  const a = analyze(text, { cast: given });
  const answer = a.quotes.find((q) => q.text.startsWith('Silas Wren'))!;
  assert.equal(answer.speaker, 'silas');
  assert.equal(answer.cue, 'self-named');
  // Asking after someone else, or calling them, names nobody's self.
  const other = analyze(text.replace('Who are you?', 'Who\u2019s that?'), { cast: given });
  assert.notEqual(other.quotes.find((q) => q.text.startsWith('Silas Wren'))!.cue, 'self-named');
  const call = analyze(text.replace('\u201cSilas Wren. I sold', '\u201cSilas Wren! I sold'), { cast: given });
  assert.notEqual(call.quotes.find((q) => q.text.startsWith('Silas Wren'))!.cue, 'self-named');
});

test('modern nicknames join the full first name they shorten (Aggie: Agnes Pennick, Luce: Lucy Marsh)', () => {
  const doc = cast([
    'Agnes Pennick lit the last candle and sat down. Lucy Marsh took the chair beside her.',
    '\u201cHold hands, please, Aggie.\u201d Agnes took Lucy\u2019s hand.',
    '\u201cLuce, your hand is freezing,\u201d Agnes said.',
  ].join('\n\n'));
  const agnes = doc.characters.find((c) => c.name === 'Agnes Pennick');
  const lucy = doc.characters.find((c) => c.name === 'Lucy Marsh');
  assert.ok(agnes?.aliases.includes('Aggie'), names(doc).join(', '));
  assert.ok(lucy?.aliases.includes('Luce'), names(doc).join(', '));
});

test('a nickname of names of both sexes tells no sex: `Jules` said to Juliet joins her', () => {
  const doc = cast([
    'Juliet poured the wine. Sam leaned back in his chair, and Juliet laughed at him.',
    '\u2018Jules, I\u2019m sure it was nothing,\u2019 Sam said.',
    'Juliet put the bottle down. She did not look at him.',
  ].join('\n\n'));
  const juliet = doc.characters.find((c) => c.name === 'Juliet');
  assert.ok(juliet?.aliases.includes('Jules'), names(doc).join(', '));
  assert.ok(!names(doc).includes('Jules'), names(doc).join(', '));
});

test('contemporary first names carry the sex they usually do when the text gives no pronoun (Theo, Priya, Declan, Aoife); names of both sexes none (Sasha)', () => {
  const doc = cast([
    '\u201cWhere is the van?\u201d Theo asked.',
    '\u201cBehind the depot,\u201d Priya said.',
    '\u201cAgain?\u201d said Declan.',
    '\u201cAgain,\u201d said Aoife.',
    '\u201cFine,\u201d said Sasha.',
  ].join('\n\n'));
  const gender = (n: string) => doc.characters.find((c) => c.name === n)?.gender;
  assert.deepEqual(['Theo', 'Priya', 'Declan', 'Aoife', 'Sasha'].map(gender), ['he', 'she', 'he', 'she', 'unknown']);
});

test('a Japanese honorific suffix is how one is called, not who: `Ren-kun` is Ren, `Aoi-senpai` Aoi', () => {
  const doc = cast([
    'Ren sat by the window. Aoi Nakamura came in and dropped her bag on the table.',
    '\u201cDon\u2019t laugh, Ren-kun.\u201d',
    '\u201cI wasn\u2019t laughing, Aoi-senpai,\u201d Ren said.',
    'Aoi sighed and opened her notebook.',
  ].join('\n\n'));
  assert.deepEqual(names(doc).sort(), ['Aoi Nakamura', 'Ren']);
  assert.ok(doc.characters.find((c) => c.name === 'Ren')!.aliases.includes('Ren-kun'));
});

test('on a telephone call, the name one picks up with and the name a caller gives are theirs', () => {
  const given = {
    characters: [
      { id: 'kieran', name: 'Kieran Doyle', aliases: ['Kieran'], gender: 'he' as const },
      { id: 'carys', name: 'Carys Munro', aliases: ['Carys'], gender: 'she' as const },
      { id: 'halverson', name: 'Halverson', aliases: ['the registrar'], gender: 'she' as const },
    ],
  };
  const text = [
    '\u201cYou tell me. You\u2019re the doctor,\u201d said Carys.',
    'Kieran went to ring the registrar from the desk. It rang nine times.',
    '\u201cHalverson.\u201d The voice on the other end sounded hurried.',
    '\u201cHi, it\u2019s Kieran, the junior on Seven. I\u2019ve got a man who wants to go home.\u201d',
    '\u201cDoes he have capacity?\u201d',
  ].join('\n\n');
  const a = analyze(text, { cast: given });
  const of = (start: string) => a.quotes.find((q) => q.text.startsWith(start))!;
  assert.equal(of('Halverson').speaker, 'halverson');
  assert.equal(of('Hi, it').speaker, 'kieran');
  assert.equal(of('Hi, it').cue, 'self-named');
  // Off a call, `it's Kieran` is news of someone, not a caller's name.
  const room = analyze(text.replace('Kieran went to ring the registrar from the desk. It rang nine times.', 'Kieran sat down at the desk and sighed.'), { cast: given });
  assert.notEqual(room.quotes.find((q) => q.text.startsWith('Hi, it'))!.cue, 'self-named');
});

test('self-naming stays out of lines that only mention the name (review cases)', () => {
  const given = {
    characters: [
      { id: 'tony', name: 'Tony Stark', aliases: ['Tony'], gender: 'he' as const },
      { id: 'pepper', name: 'Pepper Potts', aliases: ['Pepper'], gender: 'she' as const },
      { id: 'harry', name: 'Harry Osborn', aliases: ['Harry'], gender: 'he' as const },
    ],
  };
  const cueOf = (paras: string[], start: string): string => {
    const a = analyze(paras.join('\n\n'), { cast: given });
    return a.quotes.find((q) => q.text.startsWith(start))!.cue;
  };
  const room = ['Tony and Pepper stood in the lobby. Harry was upstairs.'];
  // Not a question of who one is.
  assert.notEqual(cueOf([...room, '\u201cWho are you looking for?\u201d Tony asked.', '\u201cHarry. Have you seen him?\u201d'], 'Harry. Have'), 'self-named');
  // A question, an exclamation: no introduction.
  assert.notEqual(cueOf([...room, '\u201cYou think I\u2019m Harry? I\u2019m his friend.\u201d Pepper laughed.'], 'You think'), 'self-named');
  // A pronoun tag of the other gender keeps the line.
  const mimic = analyze([...room, '\u201cI am Tony Stark,\u201d she said, in his voice.'].join('\n\n'), { cast: given });
  assert.equal(mimic.quotes[0].speaker, 'pepper');
  // On a call: a caller opening with the other one's name calls them; news of someone is no name given.
  const call = ['Pepper answered her phone on the first ring. It was Tony.'];
  assert.notEqual(cueOf([...call, '\u201cTony. Where are you?\u201d', '\u201cDownstairs.\u201d'], 'Tony. Where'), 'self-named');
  assert.notEqual(cueOf([...call, '\u201cCome quick. It\u2019s Harry. He\u2019s hurt.\u201d'], 'Come quick'), 'self-named');
});

test('a first-person narrator called by two names, once each, is named by both; a name the narration uses is not pooled', () => {
  const text = [
    'The safelight makes everything the colour of a bruise. I lay the paper in the tray and rock it.',
    'Ollie pushes through the curtain and comes to stand at my shoulder. \u201cWhat are you doing in here?\u201d',
    '\u201cPrinting. Obviously.\u201d I lift the sheet with the tongs.',
    'Ms Ferreira looks at me over her glasses. \u201cPrint the rest, Tamsin. Your agitation is too fast.\u201d',
    '\u201cYes, Miss.\u201d I keep my eyes on the tray.',
    'She goes out. Ollie hands me the next sheet. \u201cToo fast, Reyes. She said so.\u201d',
    '\u201cShut up.\u201d I slide it into the developer.',
  ].join('\n\n');
  const doc = cast(text);
  const narrator = doc.characters.find((c) => c.narrator);
  assert.ok(narrator, names(doc).join(', '));
  assert.deepEqual([...new Set([narrator!.name, ...narrator!.aliases].filter((n) => n === 'Tamsin' || n === 'Reyes'))].sort(), ['Reyes', 'Tamsin'], JSON.stringify(narrator));
  // Ollie is called too (`Ollie.`), but the narration names him: he stays himself.
  const other = cast(text.replace('\u201cShut up.\u201d', '\u201cOllie. Shut up.\u201d'));
  const n2 = other.characters.find((c) => c.narrator)!;
  assert.ok(!n2.aliases.includes('Ollie') && n2.name !== 'Ollie', JSON.stringify(n2));
  assert.ok(names(other).includes('Ollie'), names(other).join(', '));
  // The narrator's own calls name others; two sisters calling each other before the narrator cuts in
  // call each other, not the narrator.
  const own = cast(['My brother was already in the shed with his friend.', '\u201cGet inside, Sam,\u201d I said.', '\u201cIt\u2019s locked,\u201d my brother said.',
    '\u201cThen break it,\u201d I said. I looked at his friend. \u201cYou too, Jem. Push.\u201d', '\u201cI\u2019m pushing,\u201d he said.', 'I kicked the door myself. \u201cHarder.\u201d'].join('\n\n'));
  assert.ok(!own.characters.some((c) => c.narrator && (c.name === 'Sam' || c.name === 'Jem' || c.aliases.includes('Sam') || c.aliases.includes('Jem'))), JSON.stringify(own.characters));
  const sisters = cast(['The girls were at it again when I came down.', '\u201cGive it back, Ruby!\u201d', '\u201cStop it, both of you,\u201d I said.', '\u201cShe started it.\u201d',
    '\u201cMake me, Maya.\u201d', '\u201cEnough,\u201d I said. I took the remote and sat down. I was tired.'].join('\n\n'));
  assert.ok(!sisters.characters.some((c) => c.narrator && (c.name === 'Ruby' || c.name === 'Maya' || c.aliases.includes('Ruby') || c.aliases.includes('Maya'))), JSON.stringify(sisters.characters));
});

test('modern nicknames join their full names (Ollie and Oliver, Izzy and Isabel)', () => {
  const doc = cast('Oliver Pike came in late, and Isabel Grant looked up from her laptop.\n\n\u201cSorry,\u201d Ollie said.\n\nIzzy laughed. \u201cYou always are, Ollie.\u201d She shut the laptop.');
  const byName = (n: string) => doc.characters.find((c) => c.name === n || c.aliases.includes(n));
  assert.equal(byName('Ollie'), byName('Oliver Pike'), names(doc).join(', '));
  assert.equal(byName('Izzy'), byName('Isabel Grant'), names(doc).join(', '));
});

test('a second-person story (reader-insert) reads its `you` as the protagonist, named Y/N when the text uses the placeholder', () => {
  const text = [
    'The library is almost empty when you find the book you need. You pull it from the shelf and turn, and Theo is right there.',
    '\u201cY/N,\u201d he says, grinning. \u201cDidn\u2019t think I\u2019d find you here.\u201d',
    '\u201cI could say the same,\u201d you reply, hugging the book to your chest.',
    '\u201cOuch.\u201d He leans on the shelf. \u201cI read. Sometimes.\u201d',
    '\u201cName one book.\u201d',
    '\u201cThe one you\u2019re holding.\u201d',
    'You roll your eyes. \u201cIt\u2019s for the exam, Theo.\u201d',
  ].join('\n\n');
  const a = analyze(text);
  const you = a.characters.find((c) => c.narrator);
  assert.ok(you, JSON.stringify(a.characters));
  assert.equal(you!.name, 'You');
  assert.ok(you!.aliases.includes('Y/N'), JSON.stringify(you));
  const by = (start: string) => a.quotes.find((q) => q.text.startsWith(start))!.speaker;
  assert.equal(by('I could say'), you!.id);
  assert.equal(by('It\u2019s for the exam'), you!.id);
  assert.equal(by('Ouch'), 'theo');
  assert.equal(by('Y/N'), 'theo');
  // The protagonist's tag is a tag: `"…," you reply` is theirs by the narrator cue, not by turn-taking.
  assert.equal(a.quotes.find((q) => q.text.startsWith('I could say'))!.cue, 'narrator');
  // Free indirect `you` in a third-person story (six of them, more than a quarter of its he/she), a
  // letter to `you`, dialogue without quote marks: no such protagonist.
  const third = analyze([
    'You never knew with Marcus. You thought you had him figured out, and then he did something like this. You could have screamed.',
    '\u201cI\u2019m sorry,\u201d Marcus said. He did not look sorry.',
    'Clara put down her cup. \u201cHe\u2019s always sorry.\u201d She looked at him. \u201cAren\u2019t you?\u201d',
    'You could see it in his face. You knew he was not going to answer her.',
  ].join('\n\n'));
  assert.ok(!third.characters.some((c) => c.narrator), JSON.stringify(third.characters));
  const letter = analyze([
    'Dear Anna,',
    'You will not remember the summer we spent at the lake. You were four. You wore your red boots everywhere, and you would not let anyone take them off you.',
    '\u201cLeave her be,\u201d your father said. \u201cShe likes them.\u201d',
    '\u201cShe will catch cold,\u201d I said.',
    'You did not catch cold. You never did.',
  ].join('\n\n'));
  assert.ok(!letter.characters.some((c) => c.name === 'You'), JSON.stringify(letter.characters));
  const unmarked = analyze('Are you cold?\n\nNo.\n\nYou sure?\n\nYou keep asking. You always ask. You ask and you ask.\n\nYou know why.');
  assert.ok(!unmarked.characters.some((c) => c.narrator), JSON.stringify(unmarked.characters));
});

test('`Y/N` in a first-person reader-insert is the narrator', () => {
  const text = [
    'I am halfway through my coffee when Priya slides into the booth across from me.',
    '\u201cY/N. You look terrible.\u201d',
    '\u201cThanks,\u201d I say. I push the menu at her. I have not slept.',
    '\u201cI mean it kindly.\u201d She takes the menu. \u201cWhat happened?\u201d',
  ].join('\n\n');
  const a = analyze(text);
  const me = a.characters.find((c) => c.narrator)!;
  assert.ok(me && (me.name === 'Y/N' || me.aliases.includes('Y/N')), JSON.stringify(a.characters));
  assert.equal(a.quotes.find((q) => q.text.startsWith('Thanks'))!.speaker, me.id);
});

test('a given cast that marks no narrator: the listed character the lines call but the narration never names is the I; else a Narrator; `narrator: true` is honoured', () => {
  const story = [
    'My phone buzzes in my pocket. It\u2019s Kit.',
    '"wren. WREN. where are you"',
    '"on my way," I text back.',
    'Callum is on his knees in the middle of the flat-pack panels. He holds a dowel up to the light. "Is this a C?"',
    'I lean over his shoulder. "That\u2019s a D."',
    '"Wren." Callum\u2019s voice has gone very calm. "Hold this. Don\u2019t let go."',
    '"I\u2019m not letting go," I say. I hold it while he finds the screws, and I look at the instructions, and I try not to laugh.',
    'Kit texts again. I ignore it. I have a wardrobe to hold up and a brother to keep calm.',
  ].join('\n\n');
  const given: CastFile = { characters: [
    { id: 'wren', name: 'Wren', gender: 'she' },
    { id: 'callum', name: 'Callum', gender: 'he' },
    { id: 'kit', name: 'Kit', gender: 'they' },
  ] };
  const a = analyze(story, { cast: given });
  assert.deepEqual(a.characters.filter((c) => c.narrator).map((c) => c.id), ['wren'], JSON.stringify(a.characters.map((c) => [c.id, c.narrator])));
  assert.equal(a.quotes.find((q) => q.text.startsWith('That'))!.speaker, 'wren');
  // `wren` typed in lower case at a text's start does not make the listed `Wren` a common word.
  assert.equal(a.quotes.find((q) => q.text.startsWith('on my way'))!.speaker, 'wren');
  // Nobody the lines call: the I is a Narrator of its own (not with castOnly), or the one the cast marks.
  const unnamed = story.replace('"Wren." ', '').replace('wren. WREN. ', '');
  const b = analyze(unnamed, { cast: given });
  assert.deepEqual(b.characters.filter((c) => c.narrator).map((c) => c.name), ['Narrator']);
  assert.equal(b.quotes.find((q) => q.text.startsWith('That'))!.speaker, b.characters.find((c) => c.narrator)!.id);
  assert.equal(analyze(unnamed, { cast: given, castOnly: true }).characters.filter((c) => c.narrator).length, 0);
  const marked: CastFile = { characters: given.characters.map((c) => (c.id === 'wren' ? { ...c, narrator: true } : c)) };
  const m = analyze(unnamed, { cast: marked, castOnly: true });
  assert.deepEqual(m.characters.filter((c) => c.narrator).map((c) => c.id), ['wren']);
  assert.equal(m.quotes.find((q) => q.text.startsWith('That'))!.speaker, 'wren');
});

test('a stranger who gives her name is that character from her first line; one named only by others is not', () => {
  const story = (naming: string): string => [
    'The car died at one in the morning on the forecourt of a closed garage. Nell let her head drop onto the wheel.',
    'The workshop door rattled up and a woman in a boiler suit ducked out, a torch in one hand. She walked straight over to the car.',
    '\u201cWe\u2019re closed,\u201d the woman said.',
    'Nell wound the window down. \u201cWe\u2019re broken.\u201d',
    'The woman weighed this. \u201cPop the bonnet.\u201d',
    'Nell found the lever. The woman propped the bonnet open and looked inside for a long time.',
    `\u201cCambelt,\u201d she said at last. \u201c${naming}\u201d`,
    '\u201cNell,\u201d said Nell. \u201cThank you.\u201d',
    'Maeve shrugged and wiped her hands on a rag. Nell watched her go back inside.',
  ].join('\n\n');
  const a = analyze(story("I'm Maeve, by the way."));
  const maeve = a.characters.find((c) => c.name === 'Maeve');
  assert.ok(maeve, a.characters.map((c) => c.name).join(', '));
  assert.equal(a.quotes.find((q) => q.text.startsWith('We\u2019re closed'))!.speaker, maeve!.id);
  assert.equal(a.quotes.find((q) => q.text.startsWith('Pop the bonnet'))!.speaker, maeve!.id);
  // Named by someone else first (`Maeve will sort it.`), the stranger may be anyone: no link is made.
  const b = analyze(story('Maeve will sort it.'));
  const m2 = b.characters.find((c) => c.name === 'Maeve');
  assert.ok(!m2 || !(m2.links ?? []).some((l) => l.evidence === 'descriptive' && /woman/i.test(l.text)), JSON.stringify(m2));
});

test('a name a text writes in lower case at its start (`"tess i am DYING"`) is still a name when a line opens on it capitalised', () => {
  const story = [
    'My phone goes off twice. The group chat again.',
    '"tess i am DYING"',
    '"tess answer me"',
    'The door bangs open and my brother wanders in wearing my hoodie.',
    '"Tess. Have you got a charger?"',
    '"Is that my hoodie?" I ask.',
    '"No," says Kit, who is wearing my hoodie. "Tess, the charger."',
  ].join('\n\n');
  const a = analyze(story);
  assert.ok(a.characters.some((c) => c.name === 'Tess'), a.characters.map((c) => c.name).join(', '));
});

test('a given cast\'s unmarked narrator: not someone the narrator calls, not a listed name others talk about; a marked one however few the Is', () => {
  // `"Jo, it's midnight," I said.`: Jo is called by the narrator, so Jo is not the narrator.
  const sisters = [
    'I found my sister in the kitchen at midnight, eating cereal out of the box. I sat down across from her.',
    '"Jo, it\'s midnight," I said.',
    '"I know what time it is." She did not look up.',
    '"Dad called again," I said. I poured myself some of her cereal.',
    '"Tell him I\'m working," she said.',
  ].join('\n\n');
  const a = analyze(sisters, { cast: { characters: [{ id: 'jo', name: 'Jo', gender: 'she' }, { id: 'pruett', name: 'Mr Pruett', gender: 'he' }] } });
  assert.deepEqual(a.characters.filter((c) => c.narrator).map((c) => c.name), ['Narrator'], JSON.stringify(a.characters));
  assert.equal(a.quotes.find((q) => q.text.startsWith('Jo, it'))!.speaker, a.characters.find((c) => c.narrator)!.id);
  // The added Narrator keeps the narrator's lines: a listed `Mum` others talk about is not the I.
  const gate = [
    'I am Tom\'s sister, which at Hollins Road School was the only thing anybody knew about me. I waited for him by the gate.',
    '"You\'re late," I said when he came out.',
    '"Detention," Tom said. "Don\'t tell Mum."',
    '"I\'ll tell Mum if I want," I said.',
    'He kicked a stone all the way to the corner. I walked behind him and counted the kicks.',
    '"Forty," I said.',
  ].join('\n\n');
  const b = analyze(gate, { cast: { characters: [{ id: 'tom', name: 'Tom', gender: 'he' }, { id: 'mum', name: 'Mum', gender: 'she' }] } });
  const me = b.characters.find((c) => c.narrator)!;
  assert.equal(me.name, 'Narrator');
  assert.equal(b.quotes.find((q) => q.text.startsWith('Forty'))!.speaker, me.id);
  // Marked, with only two Is in the whole story: still the narrator; a second mark is dropped.
  const few = 'Grandfather lifted the latch. "In you go," he said to me.\n\n"Is it cold?" I asked.\n\n"Colder than you think," said Grandmother.';
  const c = analyze(few, { cast: { characters: [{ id: 'ellie', name: 'Ellie', narrator: true }, { id: 'gf', name: 'Grandfather', gender: 'he', narrator: true }, { id: 'gm', name: 'Grandmother', gender: 'she' }] } });
  assert.deepEqual(c.characters.filter((x) => x.narrator).map((x) => x.id), ['ellie']);
  assert.equal(c.quotes.find((q) => q.text.startsWith('Is it cold'))!.speaker, 'ellie');
});
