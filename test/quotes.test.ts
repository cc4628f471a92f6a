import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '../src/document/document.js';
import { paragraphsStage } from '../src/stages/paragraphs/index.js';
import { tokensStage } from '../src/stages/tokens/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { quotesStage, scanQuotes } from '../src/stages/quotes/index.js';

function run(text: string): Document {
  const doc = new Document(text);
  for (const stage of [paragraphsStage, tokensStage, sentencesStage, quotesStage]) {
    stage.run(doc, {});
    doc.layers.push(stage.assigns);
  }
  return doc;
}

interface Q {
  text: string;
  para: number;
  utt: number;
}
function quotes(doc: Document): Q[] {
  const out: Q[] = [];
  for (let i = 0; i < doc.quoteCount; i++) {
    out.push({ text: doc.quoteText(i), para: doc.quotes[4 * i + 2], utt: doc.quotes[4 * i + 3] });
  }
  return out;
}
function texts(doc: Document): string[] {
  return quotes(doc).map((q) => q.text);
}
/** Check that utterances are [first, end) ranges that tile the quotes in order. */
function checkUtterances(doc: Document): void {
  let next = 0;
  for (let u = 0; u < doc.utteranceCount; u++) {
    const a = doc.utterances[2 * u];
    const b = doc.utterances[2 * u + 1];
    assert.equal(a, next, `utterance ${u} starts where the previous ended`);
    assert.ok(b > a, `utterance ${u} is not empty`);
    for (let q = a; q < b; q++) assert.equal(doc.quotes[4 * q + 3], u);
    next = b;
  }
  assert.equal(next, doc.quoteCount);
  for (let q = 1; q < doc.quoteCount; q++) assert.ok(doc.quotes[4 * q] >= doc.quotes[4 * q - 3], 'quotes in text order');
}

test('straight double quotes; marks excluded from the span', () => {
  const doc = run('"Come in," she said, and opened the door.\n');
  assert.deepEqual(texts(doc), ['Come in,']);
  assert.equal(doc.quotes[0], 1);
  assert.equal(doc.quotes[1], 9);
  checkUtterances(doc);
});

test('curly double quotes, and a quote interrupted by its tag is one utterance', () => {
  const doc = run('“You came back,” she said. “I never thought you would.”\n');
  const q = quotes(doc);
  assert.deepEqual(q.map((x) => x.text), ['You came back,', 'I never thought you would.']);
  assert.equal(q[0].utt, q[1].utt);
  assert.equal(doc.utteranceCount, 1);
  checkUtterances(doc);
});

test('guillemets', () => {
  const doc = run('«Bonjour», dit-il. «Vous êtes en retard.»\n');
  assert.deepEqual(texts(doc), ['Bonjour', 'Vous êtes en retard.']);
  const de = run('»Komm herein«, sagte sie.\n');
  assert.deepEqual(texts(de), ['Komm herein']);
});

test('British single-quote dialogue, curly and straight', () => {
  const curly = run('‘Come in,’ she said. ‘The kettle is on.’\n\n‘Thank you,’ said Tom.\n');
  assert.deepEqual(texts(curly), ['Come in,', 'The kettle is on.', 'Thank you,']);
  const straight = run("'Come in,' she said. 'The kettle is on.'\n\n'Thank you,' said Tom.\n");
  assert.deepEqual(texts(straight), ['Come in,', 'The kettle is on.', 'Thank you,']);
  checkUtterances(straight);
});

test('apostrophes are not quote marks in a single-quote text', () => {
  const text =
    "'I don't want the Joneses' dog in here,' she said.\n\n" +
    "'He was nothin' but trouble, and he played rock 'n' roll all night,' said Tom. 'Give 'em back.'\n\n" +
    "The boys' bikes lay in the yard. 'Tis a fine day, thought Mara.\n\n" +
    "'Where's the O'Briens' cart?' asked Nell.\n";
  const doc = run(text);
  assert.deepEqual(texts(doc), [
    "I don't want the Joneses' dog in here,",
    "He was nothin' but trouble, and he played rock 'n' roll all night,",
    "Give 'em back.",
    "Where's the O'Briens' cart?",
  ]);
  checkUtterances(doc);
});

test('a single-quoted line may open on a lower-case elision word', () => {
  const text =
    '\u2018Where are you?\u2019 Fen typed.\n\n' +
    '\u2018is that 412?? the one by the lifts?\u2019\n\n' +
    "'em too?' Jo asked. 'All of them.'\n\n" +
    "'em lot were gone by morning. 'Where?' she asked.\n\n" +
    'He said \u2018tis nothing and left. \u2018Fine.\u2019\n';
  assert.deepEqual(texts(run(text)), [
    'Where are you?', 'is that 412?? the one by the lifts?', 'em too?', 'All of them.', 'Where?', 'Fine.',
  ]);
  // Dialect narration opening on an elision and ending on a dropped g is no line, and a speech
  // running on over paragraphs keeps its dialect apostrophe at a paragraph end.
  const dialect = run(
    "'cause there was always somebody waitin' down the lane, an' nobody said nothin'\n\n" +
      "'I went down to the river on the Sunday to see what the lads was doin'\n\n" +
      "'And there was the boat, gone. Clean gone,' said Tom.\n",
  );
  assert.deepEqual(texts(dialect), ["I went down to the river on the Sunday to see what the lads was doin'", 'And there was the boat, gone. Clean gone,']);
  assert.equal(quotes(dialect)[0].utt, quotes(dialect)[1].utt);
});

test('a single-quoted line broken off at a dash closes on the mark after the dash', () => {
  const text =
    "'Two, actually, if\u2014'\n\n'He means one,' said Tam.\n\n" +
    "'I'm not\u2014' Rook stopped, caught Tam's eye, and sighed. 'Fine. One.'\n\n" +
    "\u2018It was just\u2014\u2019 She shrugged. \u2018Never mind.\u2019\n\n" +
    "'Wait--' he began.\n\n" +
    "'You never\u2014'. Tam looked away. 'Forget it.'\n\n" +
    "\u2018So\u2014\u2019, she said, \u2018no.\u2019\n";
  const doc = run(text);
  assert.deepEqual(texts(doc), [
    'Two, actually, if\u2014', 'He means one,', "I'm not\u2014", 'Fine. One.', 'It was just\u2014', 'Never mind.', 'Wait--',
    'You never\u2014', 'Forget it.', 'So\u2014', 'no.',
  ]);
  checkUtterances(doc);
});

test('a trailing apostrophe right before the end of a single-quoted speech', () => {
  const doc = run("'Come and see the Joneses' she said, and went out.\n\n'I will,' he said.\n");
  assert.deepEqual(texts(doc), ['Come and see the Joneses', 'I will,']);
});

test('in a double-quote text single marks are nested quotes or apostrophes, never top-level', () => {
  const doc = run(`"She told me, 'Run,' and I ran," he said. "Don't ask me why."\n\nThe Smiths' house was 'quiet' that night.\n`);
  assert.deepEqual(texts(doc), ["She told me, 'Run,' and I ran,", "Don't ask me why."]);
  assert.equal(doc.utteranceCount, 1);
});

test('in a single-quote text double marks inside a quote are nested', () => {
  const doc = run(`'He said "no" to me, and left,' she said. 'Well.'\n\n'Is that so?' asked Tom.\n`);
  assert.deepEqual(texts(doc), ['He said "no" to me, and left,', 'Well.', 'Is that so?']);
});

test('a quote that runs over several paragraphs is one utterance with one span per paragraph', () => {
  const text =
    '"It was a long winter, and the river froze\nright across.\n\n' +
    '"We walked over it every morning.\n\n' +
    '"Then the thaw came," said the old man.\n\n' +
    '"Really?" asked the boy.\n';
  const doc = run(text);
  const q = quotes(doc);
  assert.deepEqual(q.map((x) => x.text), [
    'It was a long winter, and the river froze\nright across.',
    'We walked over it every morning.',
    'Then the thaw came,',
    'Really?',
  ]);
  assert.deepEqual(q.map((x) => x.para), [0, 1, 2, 3]);
  assert.deepEqual(q.map((x) => x.utt), [0, 0, 0, 1]);
  checkUtterances(doc);
});

test('a long beat without a speech verb separates two utterances; a tag keeps one', () => {
  const beat = run('"Hello." He walked to the window and stared at the rain. "Goodbye."\n');
  assert.deepEqual(texts(beat), ['Hello.', 'Goodbye.']);
  assert.equal(beat.utteranceCount, 2);
  const tag = run('"Hello." He turned to her and said softly. "Goodbye."\n');
  assert.equal(tag.utteranceCount, 1);
  const comma = run('"Well," he began, walking to the window and staring at the rain for a while, "it is late."\n');
  assert.equal(comma.utteranceCount, 1);
  const adjacent = run('"Who is that?" "Is the town large?"\n');
  assert.equal(adjacent.utteranceCount, 1);
  checkUtterances(beat);
});

test('an unclosed quote closes at the paragraph end and never swallows the book', () => {
  const text = '"Hello, she said, and sat down.\n\nThe dog barked at the gate.\n\n"Yes," he said.\n\nMore narration follows here.\n';
  const doc = run(text);
  const q = quotes(doc);
  assert.deepEqual(q.map((x) => x.text), ['Hello, she said, and sat down.', 'Yes,']);
  assert.deepEqual(q.map((x) => x.para), [0, 2]);
  assert.equal(doc.utteranceCount, 2);
  // A stray mark in narration stays inside its paragraph.
  const stray = run('He wrote 5" on the board and left.\n\nThe rest is narration.\n\n"Done," said Ann.\n');
  for (const s of texts(stray)) assert.ok(!s.includes('narration'), s);
  assert.deepEqual(texts(stray).slice(-1), ['Done,']);
});

test('a quote whose first words were lost: from the paragraph start to the lone closing mark', () => {
  const doc = run('and that was the end of it," he said. "Now go."\n');
  assert.deepEqual(texts(doc), ['and that was the end of it,', 'Now go.']);
  const apos = run("'tis no matter,\" said the old man.\n");
  assert.deepEqual(texts(apos), ["'tis no matter,"]);
});

test('ambiguous straight quotes use neighbouring characters, then a toggle', () => {
  const doc = run('He said,"Stop!"She ran.\n');
  assert.deepEqual(texts(doc), ['Stop!']);
  const spaced = run('" Halt ", cried the guard. "Who goes there?"\n');
  assert.deepEqual(texts(spaced), [' Halt ', 'Who goes there?']);
  // An apostrophe mistyped as a double mark inside a quote is not a mark.
  const typed = run('"Take "em up and go," he said.\n');
  assert.deepEqual(texts(typed), ['Take "em up and go,']);
});

test('dashes inside and at the end of quotes are content', () => {
  const doc = run('"Wait--" he said. "I—I don\'t know what you mean—really."\n');
  assert.deepEqual(texts(doc), ['Wait--', "I—I don't know what you mean—really."]);
  assert.equal(doc.utteranceCount, 1);
});

test('short phrases in marks inside narration are not speech', () => {
  const doc = run('They called him "poor Richard" and the "unconventional" party went on. He said "No."\n');
  assert.deepEqual(texts(doc), ['No.']);
});

test('empty quotes and scene breaks', () => {
  const doc = run('"" he said.\n\n* * *\n\n"Yes."\n');
  assert.deepEqual(texts(doc), ['Yes.']);
  checkUtterances(doc);
});

test('scanQuotes can be rerun and gives the same layers', () => {
  const doc = run('"One," said A. "Two."\n\n"Three."\n');
  const q = doc.quotes.slice();
  const u = doc.utterances.slice();
  scanQuotes(doc);
  assert.deepEqual(doc.quotes, q);
  assert.deepEqual(doc.utterances, u);
});

// --- Against PDNC (read at run time; skipped when the data is absent) -----------------------------

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PDNC = join(ROOT, '..', 'shared', 'data', 'pdnc');

function goldSpans(csv: string): number[][] {
  // The spans column holds `[[s, e], ...]`; every list of pairs in a row belongs to that column.
  const out: number[][] = [];
  const re = /"\[\[(\d+), (\d+)\](?:, \[\d+, \d+\])*\]"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(csv))) {
    const pairs = m[0].match(/\[(\d+), (\d+)\]/g) ?? [];
    for (const p of pairs) {
      const [s, e] = p.slice(1, -1).split(', ').map(Number);
      out.push([s, e]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

for (const novel of ['DaisyMiller', 'TheAwakening']) {
  const dir = join(PDNC, novel);
  test(`PDNC ${novel}: span F1 >= 0.97`, { skip: existsSync(dir) ? false : `PDNC not found at ${PDNC}` }, () => {
    const doc = run(readFileSync(join(dir, 'novel_text.txt'), 'utf8'));
    const gold = goldSpans(readFileSync(join(dir, 'quotation_info.csv'), 'utf8'));
    assert.ok(gold.length > 500, "expected: gold.length > 500");
    const used = new Uint8Array(gold.length);
    let tp = 0;
    let g = 0;
    for (let i = 0; i < doc.quoteCount; i++) {
      const s = doc.toCodePoint(doc.quotes[4 * i]);
      const e = doc.toCodePoint(doc.quotes[4 * i + 1]);
      while (g < gold.length && gold[g][1] <= s) g++;
      for (let k = g; k < gold.length && gold[k][0] < e; k++) {
        if (!used[k] && gold[k][1] > s) {
          used[k] = 1;
          tp++;
          break;
        }
      }
    }
    const p = tp / doc.quoteCount;
    const r = tp / gold.length;
    const f1 = (2 * p * r) / (p + r);
    assert.ok(f1 >= 0.97, `F1 ${f1.toFixed(4)} (P ${p.toFixed(4)}, R ${r.toFixed(4)})`);
  });
}

test('a quote right after a tagged one is the answer; back to back without a tag it is the same speaker going on', () => {
  const answered = run('“Cold?” said Vell; “you are shivering.” “Not at all,” returned Ama, “only tired.”\n');
  const a = quotes(answered);
  assert.equal(a.length, 4);
  assert.equal(a[0].utt, a[1].utt);
  assert.notEqual(a[1].utt, a[2].utt);
  assert.equal(a[2].utt, a[3].utt);
  checkUtterances(answered);
  const goingOn = quotes(run('“Who is that?” “Is it the ferryman?”\n'));
  assert.equal(goingOn[0].utt, goingOn[1].utt);
});

test('after a tagged line, a span with its own tag is the next line, not more of the same', () => {
  const q = quotes(run('“Tea?” said Vell. “Not for me,” returned Ama, “it keeps me up.”\n'));
  assert.equal(q.length, 3);
  assert.notEqual(q[0].utt, q[1].utt);
  assert.equal(q[1].utt, q[2].utt);
  const one = quotes(run('“Tea?” said Vell. “It is still hot.”\n'));
  assert.equal(one[0].utt, one[1].utt);
});

test('narration between two spans that ends in a new sentence with its own tag starts the next line', () => {
  const q = quotes(run('“Then she stays,” said Ama, calmly. After a pause Vell added, “Yes, let her stay.”\n'));
  assert.equal(q.length, 2);
  assert.notEqual(q[0].utt, q[1].utt);
  const one = quotes(run('“Then she stays,” said Ama. “Let her stay.”\n'));
  assert.equal(one[0].utt, one[1].utt);
});

test('after a finished sentence, a tag introducing a new capitalised sentence is the next speaker', () => {
  const q = quotes(run('Ama said, “Are you in town for long?” Vell said, “Have you a match?”\n'));
  assert.equal(q.length, 2);
  assert.notEqual(q[0].utt, q[1].utt);
  const one = quotes(run('“Oh!” cried Ama, “how lovely.”\n'));
  assert.equal(one[0].utt, one[1].utt);
});

test('a line broken off at a dash and answered at once, with nothing between the marks, is two utterances', () => {
  const doc = run('Mara turned. "You must take the front room--" "No, you must have it," said Ada.\n');
  const q = quotes(doc);
  assert.equal(q.length, 2);
  assert.notEqual(q[0].utt, q[1].utt);
});

test('after a line with its own tag before it, a second tag opening with a name introduces another speaker', () => {
  const doc = run('When Mara said with a great show of ease, "You want your supper, sir," Mr. Ellery replied, "I can wait for it."\n');
  const q = quotes(doc);
  assert.equal(q.length, 2);
  assert.notEqual(q[0].utt, q[1].utt);
  // With a pronoun the tag is the same speaker going on.
  const same = quotes(run('When Mara said with a great show of ease, "You want your supper, sir," she added, "I can see it."\n'));
  assert.equal(same[0].utt, same[1].utt);
});

test('a tag that ends by introducing someone else by name (`said Pell, just as Ivo said,`) starts their line', () => {
  const doc = run('"Not yet," said Pell, at the very moment that Ivo said, "Twice."\n');
  const q = quotes(doc);
  assert.equal(q.length, 2);
  assert.notEqual(q[0].utt, q[1].utt);
  checkUtterances(doc);
  // A pronoun may be the same speaker going on; an aside (`as Ivo thought,`) is not a second tag.
  const pron = quotes(run('"Not yet," said Pell, and then she said, "not until noon."\n'));
  assert.equal(pron[0].utt, pron[1].utt);
  const aside = quotes(run('"And after all," Pell went on, glancing round, as Ivo thought, "it is not the money."\n'));
  assert.equal(aside[0].utt, aside[1].utt);
  // The name already said in the tag is the speaker going on.
  const same = quotes(run('"Not yet," said Pell, and Pell added, "not until noon."\n'));
  assert.equal(same[0].utt, same[1].utt);
  // What someone else said is no clause of their own (`ignoring what Ivo said`, `something Ivo said`).
  for (const between of ['ignoring what Ivo said', 'remembering something Ivo said', 'who had not heard a word Ivo said']) {
    const q = quotes(run(`"Right," Pell said, ${between}, "we leave at six."\n`));
    assert.equal(q[0].utt, q[1].utt, between);
  }
  // A name inside another (`Anna` in `Annabel`) is someone else.
  const inside = quotes(run('"Yes," said Annabel, at the same moment that Anna said, "No."\n'));
  assert.notEqual(inside[0].utt, inside[1].utt);
  // The narrator's `I say` after a tag naming someone else is a second speaker too.
  const me = quotes(run('"Nothing," Callum says, at exactly the same moment I say, "His wrist."\n'));
  assert.notEqual(me[0].utt, me[1].utt);
  const afterHe = quotes(run('"Nothing," he says, and I say, "His wrist."\n'));
  assert.notEqual(afterHe[0].utt, afterHe[1].utt);
  // Not when the first tag is the narrator's own (`I say, and then I say`); a third person's
  // pronoun after a name goes on as that name (a guard: it held before the narrator's rule too).
  const mine = quotes(run('"Nothing," I say, and then I say, "His wrist."\n'));
  assert.equal(mine[0].utt, mine[1].utt);
  const his = quotes(run('"Nothing," Callum says, and then he says, "His wrist."\n'));
  assert.equal(his[0].utt, his[1].utt);
});

test('narration with a new sentence and `saying` between two quotes separates them', () => {
  const doc = run('"This is the man I told you of," said Rook. The stranger by the fire got up from the sofa, saying lazily, "Oh, is it?"\n');
  const q = quotes(doc);
  assert.equal(q.length, 2);
  assert.notEqual(q[0].utt, q[1].utt);
});

test('chat and script lines: a label and a colon open a line, quote marks or not; captions and headers are no labels', () => {
  const chat = run([
    'Marit checked her phone under the table.',
    'Dessa: well????',
    '**Marit:** still playing. she said "no draws"',
    '[Dessa]: did you do the knight thing',
    'MARIT: "no"',
    "dessa_k: 'cause you never do",
    "dessa_k: 'tired' lol",
    'She put the phone away.',
  ].join('\n\n'));
  assert.deepEqual(texts(chat), ['well????', 'still playing. she said "no draws"', 'did you do the knight thing', 'no', "'cause you never do", "'tired' lol"]);
  const L = chat.speakerLabels;
  const labelTexts = Array.from({ length: L.length / 4 }, (_, k) => chat.text.slice(L[4 * k], L[4 * k + 1]));
  assert.deepEqual(labelTexts, ['Dessa', 'Marit', 'Dessa', 'MARIT', 'dessa_k', 'dessa_k']);
  // Lines of one paragraph (a chat pasted with single line breaks) are lines of their own.
  const block = run('Jake had not answered all day.\n\nMe: where are you\nJake: outside\nMe: outside where??\nJake: look up\n\nI looked up.');
  assert.deepEqual(texts(block), ['where are you', 'outside', 'outside where??', 'look up']);
  assert.equal(new Set(quotes(block).map((q) => q.utt)).size, 4);
});

test('chat lines with time stamps: before the name or after it, bracketed or bare', () => {
  const chat = run([
    'The van was the problem.',
    '[21:04] Priya: did anyone book the van\n[21:05] Tomasz: ...was that my job\n[21:05] Tomasz: wait',
    '(9:06 PM) Priya: it was your only job',
    'Ines [21:07]: lmao',
    '21:09 - Tomasz: booking it now',
    '12/03 21:10 Priya: thank you',
    'She put the phone down. "Unbelievable," she said.',
  ].join('\n\n'));
  assert.deepEqual(texts(chat), ['did anyone book the van', '...was that my job', 'wait', 'it was your only job', 'lmao', 'booking it now', 'thank you', 'Unbelievable,']);
  const L = chat.speakerLabels;
  const labelTexts = Array.from({ length: L.length / 4 }, (_, k) => chat.text.slice(L[4 * k], L[4 * k + 1]));
  assert.deepEqual(labelTexts, ['Priya', 'Tomasz', 'Tomasz', 'Priya', 'Ines', 'Tomasz', 'Priya']);
  // A time in the prose is no label, nor is a list of times, a diary's entries or a ship's log.
  assert.equal(run('At 21:04 the van came.\n\n21:05: doors open\n\n21:30: first act\n\n22:15: interval').speakerLabels.length, 0);
  assert.equal(run('Monday. I keep a log of the ward.\n\n7.30 Breakfast: porridge.\n\n9.15 Doctor: round late.\n\n12.30 Lunch: mince.\n\n14.00 Doctor: second round.').speakerLabels.length, 0);
  assert.equal(run('The log was kept in a neat hand.\n\n06:00 Wind: north-east, force four.\n\n08:00 Wind: east, force five.\n\n10:00 Sea: moderate.').speakerLabels.length, 0);
});

test('no labels in prose with colons, headers, profiles, lists or a lone label', () => {
  const cases = [
    ['A/N: thanks for reading!', '[Picture: Tom in the garden]', 'Later: the flood came, and Tom went up to the roof.', 'Rating: teen.', 'Warning: spiders.', '\u201cWell,\u201d Tom said.'],
    ['TW: blood, mild swearing', 'POV: Mara', 'Mara ran. \u201cYou\u2019re late,\u201d she said.', 'POV: Jonah', 'Jonah waited.'],
    ['Name: Mara Quill', 'Age: 19', 'Hair: red', 'Name: Jonah Reed', 'Age: 21', '\u201cYou\u2019re late,\u201d she said.'],
    ['Problem: the car would not start.', 'Solution: the bus.', 'Problem: the bus was full, which was a problem.', '\u201cMove down, please,\u201d the driver said.'],
    ['From: Mara', 'Sent: Tuesday', 'Subject: the flat', 'From: Jonah', 'Sent: Wednesday', '\u201cFine,\u201d she said.'],
    // One chat elsewhere does not make a lone colon in the prose a label.
    ['Dessa: well????', 'Marit: still playing', 'Dessa: liar', 'The hall was quiet. Marit looked up.', 'Worse: he was walking over.', 'It was Vell.'],
  ];
  for (const lines of cases.slice(0, 5)) {
    const d = run(lines.join('\n\n'));
    assert.equal(d.speakerLabels.length, 0, lines[0]);
  }
  const d = run(cases[5].join('\n\n'));
  assert.deepEqual(texts(d), ['well????', 'still playing', 'liar']);
  // Two labelled paragraphs with no label said twice are not a chat either.
  assert.deepEqual(texts(run('Lena: I came.\n\nTheo: You did.\n\nThey left.')), []);
});
