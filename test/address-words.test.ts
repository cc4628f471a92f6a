import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../src/index.js';
import { addressedGenders } from '../src/stages/attribution/address.js';
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
