/** Bytes → text: what `decodeText` accepts (and the warnings of `decodeBytes`), and the one-line reason for everything it refuses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_INPUT_BYTES, decodeBytes, decodeText, firstInvalidUtf8, tooLargeMessage } from '../src/document/decode.js';
import { InputError, ExitCode } from '../src/errors.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function refuses(bytes: Uint8Array, pattern: RegExp): void {
  assert.throws(
    () => decodeText(bytes, 'tale.txt'),
    (e: unknown) => {
      assert.ok(e instanceof InputError, 'an InputError');
      assert.equal(e.exitCode, ExitCode.Input);
      assert.doesNotMatch(e.message, /\n/, 'one line');
      assert.match(e.message, /^tale\.txt /, 'names the input');
      assert.match(e.message, pattern);
      return true;
    },
  );
}

test('plain UTF-8 text, with accents, curly quotes and astral characters, comes back unchanged', () => {
  const s = '“Café?” asked Zoë. ‘No — tea.’ 𝄞\r\nNext line\tend.\f\n';
  assert.equal(decodeText(utf8(s)), s);
});

test('a UTF-8 byte-order mark is removed', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello.')]);
  assert.equal(decodeText(bytes), 'Hello.');
});

test('empty and whitespace-only inputs are refused', () => {
  refuses(new Uint8Array(0), /is empty$/);
  refuses(utf8(' \n\r\n\t  \n'), /contains only white space$/);
  refuses(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]), /contains only white space$/);
});

test('binary data is refused: NUL bytes, or many control bytes', () => {
  refuses(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), /looks binary \(it contains NUL bytes\)/);
  const control = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  refuses(control, /looks binary \(control bytes\)/);
  // Text full of NULs past the 8 KB probe is still refused.
  const late = new Uint8Array([...utf8('a'.repeat(9000)), ...new Array(200).fill(0), ...utf8('b')]);
  refuses(late, /NUL bytes/);
});

test('a stray NUL in text is removed, with a warning', () => {
  const late = new Uint8Array([...utf8('a'.repeat(9000)), 0x00, ...utf8('b')]);
  const d = decodeBytes(late, 'tale.txt');
  assert.equal(d.text, 'a'.repeat(9000) + 'b');
  assert.deepEqual(d.warnings.map((w) => w.code), ['nul-removed']);
});

test('a few stray control bytes in real text are tolerated', () => {
  const s = 'A page.\u0007 Another.\u001b ' + 'words '.repeat(100);
  assert.equal(decodeText(utf8(s)), s);
});

test('UTF-16 with a byte-order mark is decoded (both byte orders)', () => {
  assert.deepEqual(decodeBytes(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), 'tale.txt'), { text: 'Hi', encoding: 'utf-16le', warnings: [] });
  assert.deepEqual(decodeBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]), 'tale.txt'), { text: 'Hi', encoding: 'utf-16be', warnings: [] });
  // An odd number of bytes: the half character is dropped, with a warning.
  const odd = decodeBytes(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00, 0x21]), 'tale.txt');
  assert.equal(odd.text, 'Hi');
  assert.deepEqual(odd.warnings.map((w) => w.code), ['truncated-utf16']);
  refuses(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x48, 0x00, 0x00, 0x00]), /UTF-32/);
});

test('invalid UTF-8 is read as Windows-1252, with a warning naming the byte and its line', () => {
  // Windows-1252 curly quotes (0x93, 0x94) on line 3.
  const cp = decodeBytes(new Uint8Array([...utf8('One.\n\n'), 0x93, ...utf8('Hi,'), 0x94, ...utf8(' she said.')]), 'tale.txt');
  assert.equal(cp.text, 'One.\n\n“Hi,” she said.');
  assert.equal(cp.encoding, 'windows-1252');
  assert.match(cp.warnings[0].message, /^tale\.txt is not UTF-8 \(first at byte 0x93 on line 3\): read as Windows-1252$/);
  // Latin-1 é.
  assert.equal(decodeText(new Uint8Array([...utf8('caf'), 0xe9, ...utf8(' au lait')])), 'café au lait');
  // Stray bytes in UTF-8 text stay UTF-8; the strays are named.
  const mixed = decodeBytes(new Uint8Array([...utf8('“ok” — fine\n'), 0xff, 0x93, ...utf8('x')]), 'tale.txt');
  assert.equal(mixed.encoding, 'utf-8');
  assert.equal(mixed.text, '“ok” — fine\nÿ“x');
  assert.equal(mixed.warnings[0].code, 'invalid-utf8');
  assert.match(mixed.warnings[0].message, /2 bytes .*byte 0xff on line 2/);
});

test('firstInvalidUtf8 finds the first bad sequence, and -1 for valid text', () => {
  assert.equal(firstInvalidUtf8(utf8('“Zoë” 𝄞 ok')), -1);
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80])), 1, 'overlong');
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x80])), 1, 'truncated at the end');
  assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0, 'UTF-16 surrogate');
  assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0x80])), 2, 'lone continuation byte');
  assert.equal(firstInvalidUtf8(new Uint8Array([0xe0, 0x80, 0x80])), 0, 'overlong three-byte');
});

test('inputs over the limit are refused before decoding', () => {
  assert.equal(MAX_INPUT_BYTES, 128 * 1024 * 1024);
  const big = new Uint8Array(MAX_INPUT_BYTES + 1);
  refuses(big, /is 128\.0 MB; the limit is 128 MB$/);
  assert.equal(tooLargeMessage('x', 200 * 1048576), 'x is 200.0 MB; the limit is 128 MB');
});
