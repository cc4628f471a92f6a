import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/index.js';
import { runRules } from '../src/stages/attribution/index.js';
import { exitMentions } from '../src/stages/attribution/exits.js';
import type { CastFile } from '../src/types.js';

function exitsIn(text: string): string[] {
  const doc = analyzeDocument(text);
  const flags = exitMentions(doc);
  const out: string[] = [];
  for (let m = 0; m < doc.mentionCount; m++) if (flags[m]) out.push(text.slice(doc.mentions[3 * m], doc.mentions[3 * m + 1]));
  return out;
}

test('the subject of an exit is marked: a verb of leaving, a motion verb with out/away/off, the end of a call', () => {
  assert.deepEqual(exitsIn('Orla Penn left the kitchen without a word.\n'), ['Orla Penn']);
  assert.deepEqual(exitsIn('Tobias Wren quietly slipped out.\n'), ['Tobias Wren']);
  assert.deepEqual(exitsIn('Then she hung up.\n'), ['she']);
  assert.deepEqual(exitsIn('Orla Penn rang off.\n'), ['Orla Penn']);
});

test('a motion verb with its particle counts after two gap words, as a verb of leaving does (`had gone off`, `at last went out`)', () => {
  assert.deepEqual(exitsIn('Tobias Wren had gone off.\n'), ['Tobias Wren']);
  assert.deepEqual(exitsIn('She at last went out.\n'), ['She']);
  assert.deepEqual(exitsIn('Orla Penn had just left.\n'), ['Orla Penn']);
  // Three gap words are too many.
  assert.deepEqual(exitsIn('Orla Penn had then quietly gone out.\n'), []);
});

test('`gone` ending its clause is an exit (`When she had gone, Tom…`, `he was gone`, `she\u2019d gone`), as is going to bed; `gone quiet`, `gone to the window`, going home are not', () => {
  assert.deepEqual(exitsIn('When Orla Penn had gone, Tobias Wren opened the book.\n'), ['Orla Penn']);
  assert.deepEqual(exitsIn('When Orla Penn had gone Tobias Wren opened the book.\n'), ['Orla Penn']);
  assert.deepEqual(exitsIn('By then Tobias Wren was gone.\n'), ['Tobias Wren']);
  assert.deepEqual(exitsIn('When she\u2019d gone, Tobias Wren opened the book.\n'), ['she']);
  assert.deepEqual(exitsIn('Orla Penn had gone to bed.\n'), ['Orla Penn']);
  // The one we follow may take the scene home with them.
  assert.deepEqual(exitsIn('Orla Penn drove home through the sleet.\n'), []);
  assert.deepEqual(exitsIn('Orla Penn had gone quiet.\n'), []);
  assert.deepEqual(exitsIn('Orla Penn had gone to the window.\n'), []);
  assert.deepEqual(exitsIn('Orla Penn was left behind.\n'), []);
});

test('both of a pair go (`Kate and Lou went out`); a `but` may bring one back in the same sentence', () => {
  assert.deepEqual(exitsIn('Orla Penn and Tobias Wren went out.\n'), ['Orla Penn', 'Tobias Wren']);
  // An object before `and` stays: `stayed behind with Orla Penn and Tobias Wren went off`.
  assert.deepEqual(exitsIn('Kate stayed behind with Orla Penn and Tobias Wren went off to fetch the car.\n'), ['Tobias Wren']);
  assert.deepEqual(exitsIn('Tobias Wren had gone, but he came back within the hour.\n'), ['Tobias Wren']);
});

test('look-alikes are not exits: a possessive, an object pronoun, getting up, ringing up, a verb after a comma', () => {
  assert.deepEqual(exitsIn('Orla Penn’s left hand shook.\n'), []);
  assert.deepEqual(exitsIn('He raised his left hand.\n'), []);
  assert.deepEqual(exitsIn('Tobias Wren got up.\n'), []);
  assert.deepEqual(exitsIn('Orla Penn rang up at eight.\n'), []);
  assert.deepEqual(exitsIn('Tobias Wren, who had left, came back.\n'), []);
});

test('taking something out is no exit (`got out his phone`), going out the door is', () => {
  assert.deepEqual(exitsIn('Tobias Wren got out his phone and read the message.\n'), []);
  assert.deepEqual(exitsIn('Orla Penn got out a pen.\n'), []);
  assert.deepEqual(exitsIn('Orla Penn walked out the door.\n'), ['Orla Penn']);
  assert.deepEqual(exitsIn('Orla Penn went out a moment later.\n'), ['Orla Penn']);
});

test('the rules do not give an untagged line to someone who has left the scene as the last one named', () => {
  const cast: CastFile = {
    characters: [
      { id: 'ines', name: 'Ines Farr', aliases: ['Ines'], gender: 'she' },
      { id: 'bo', name: 'Bo Lark', aliases: ['Bo'], gender: 'he' },
      { id: 'cleaner', name: 'the cleaner', gender: 'she' },
    ],
  };
  const text = [
    'The cleaner wished Ines and Bo good night at the corner, and then the cleaner went off with her bucket.',
    '“I like her,” Bo says.',
    '“Everyone likes her.”',
  ].join('\n\n');
  const doc = analyzeDocument(text, { cast });
  const rules = runRules(doc);
  assert.equal(rules.cues[1], 'recent-mention');
  assert.equal(doc.characters[rules.speakers[1]].id, 'ines');
});

test('a first-person narrator who leaves takes the scene along: no exit', () => {
  assert.deepEqual(exitsIn('I left the house early.\n'), []);
});
