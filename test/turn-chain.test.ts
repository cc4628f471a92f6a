import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchangeSides, turnChainMarginals } from '../src/stages/attribution/features.js';

/** One utterance per paragraph, all in one conversation; candidates 0 (Ada) and 1 (Bram) each. */
function chainOf(beliefs: number[]): Float64Array {
  const n = beliefs.length;
  const candidates = new Int32Array(2 * n);
  const offsets = new Int32Array(n + 1);
  const probs = new Float64Array(2 * n);
  for (let u = 0; u < n; u++) {
    offsets[u] = 2 * u;
    candidates[2 * u] = 0;
    candidates[2 * u + 1] = 1;
    probs[2 * u] = beliefs[u];
    probs[2 * u + 1] = 1 - beliefs[u];
  }
  offsets[n] = 2 * n;
  const para = Int32Array.from({ length: n }, (_, u) => 2 * u);
  return turnChainMarginals({ candidates, offsets, features: new Float64Array(0) }, probs, para, new Int32Array(n));
}

test('the turn chain lets sure turns decide an undecided one by the alternation', () => {
  // Ada, Bram, Ada, then a line the first stage cannot place: Bram answers.
  const m = chainOf([0.95, 0.05, 0.95, 0.5]);
  assert.ok(m[7] > m[6], `Bram ${m[7]} vs Ada ${m[6]}`);
  for (let u = 0; u < 4; u++) assert.ok(Math.abs(m[2 * u] + m[2 * u + 1] - 1) < 1e-9, "expected: Math.abs(m[2 * u] + m[2 * u + 1] - 1) < 1e-9");
});

test('the turn chain does not let a speaker answer themself on a weak lean', () => {
  // Ada speaks; the next paragraph leans a little to Ada: a new paragraph of speech is the other's.
  const m = chainOf([0.95, 0.55]);
  assert.ok(m[3] > m[2], `Bram ${m[3]} vs Ada ${m[2]}`);
});

test('a new conversation starts the chain afresh', () => {
  const n = 2;
  const candidates = Int32Array.from([0, 1, 0, 1]);
  const offsets = Int32Array.from([0, 2, 4]);
  const probs = Float64Array.from([0.95, 0.05, 0.55, 0.45]);
  const m = turnChainMarginals({ candidates, offsets, features: new Float64Array(0) }, probs, Int32Array.from([0, 5]), Int32Array.from([0, 1]));
  assert.ok(m[2] > m[3], 'with no turn before it, the line keeps its own lean');
  assert.equal(offsets.length, n + 1);
});

test('a stricter chain pulls an unsure third turn further towards the alternation', () => {
  // Ada, Bram, then a line the first stage gives to a third voice (2), but not surely.
  const candidates = Int32Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2]);
  const offsets = Int32Array.from([0, 3, 6, 9]);
  const probs = Float64Array.from([0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.3, 0.05, 0.65]);
  const para = Int32Array.from([0, 2, 4]);
  const conv = new Int32Array(3);
  const table = { candidates, offsets, features: new Float64Array(0) };
  const strict = turnChainMarginals(table, probs, para, conv, { same: 0.06, other: 0.2 });
  const smooth = turnChainMarginals(table, probs, para, conv, { same: 0.3, other: 0.6 });
  assert.ok(strict[6] > smooth[6], `Ada at the third turn: strict ${strict[6]} vs smooth ${smooth[6]}`);
  assert.ok(strict[6] > probs[6], 'the alternation raises Ada above the first stage');
});

test('given the links between turns, the chain lets a speaker go on after narration but not back to back', () => {
  // Ada surely, then a turn leaning to Ada: after narration Ada may well go on; with
  // nothing between the two paragraphs the second is Bram's.
  const candidates = Int32Array.from([0, 1, 0, 1]);
  const offsets = Int32Array.from([0, 2, 4]);
  const probs = Float64Array.from([0.95, 0.05, 0.7, 0.3]);
  const para = Int32Array.from([0, 2]);
  const conv = new Int32Array(2);
  const table = { candidates, offsets, features: new Float64Array(0) };
  const weights = { same: 0.06, other: 0.2, byLink: [{ same: 0.63, other: 0.59 }, { same: 0.007, other: 0.22 }, { same: 0.016, other: 0.29 }] };
  const narrated = turnChainMarginals(table, probs, para, conv, weights, Uint8Array.from([0, 0]));
  const bare = turnChainMarginals(table, probs, para, conv, weights, Uint8Array.from([0, 1]));
  assert.ok(narrated[2] > narrated[3], `after narration, Ada ${narrated[2]} vs Bram ${narrated[3]}`);
  assert.ok(bare[3] > bare[2], `back to back, Bram ${bare[3]} vs Ada ${bare[2]}`);
  // Without the links the chain keeps its one set of weights.
  const plain = turnChainMarginals(table, probs, para, conv, weights);
  assert.ok(plain[3] > plain[2]);
});

test('the sides of an exchange: tags far along one side name the speaker of an untagged turn', () => {
  // Six turns of one conversation; the first stage is sure of Ada at turns 0 and 4 and of Bram at
  // turn 1, and cannot place turn 2 (candidates Ada, Bram, Cleo).
  const beliefs = [
    [0.9, 0.05, 0.05],
    [0.05, 0.9, 0.05],
    [0.3, 0.3, 0.4],
    [0.34, 0.33, 0.33],
    [0.9, 0.05, 0.05],
  ];
  const n = beliefs.length;
  const candidates = Int32Array.from({ length: 3 * n }, (_, k) => k % 3);
  const offsets = Int32Array.from({ length: n + 1 }, (_, u) => 3 * u);
  const probs = Float64Array.from(beliefs.flat());
  const sides = exchangeSides({ candidates, offsets, features: new Float64Array(0) }, probs, Int32Array.from({ length: n }, (_, u) => u), new Int32Array(n));
  // Turn 2 (rows 6..8): its own side (turns 0 and 4) is Ada's; the other side (turns 1, 3) leans to Bram.
  assert.ok(sides[2 * 6] > sides[2 * 8], `Ada's side ${sides[2 * 6]} vs Cleo's ${sides[2 * 8]}`);
  assert.ok(sides[2 * 7 + 1] > sides[2 * 6 + 1], 'Bram is the other side');
  // A turn in another conversation is not read.
  const apart = exchangeSides({ candidates, offsets, features: new Float64Array(0) }, probs, Int32Array.from({ length: n }, (_, u) => u), Int32Array.from([0, 0, 0, 1, 1]));
  assert.ok(Math.abs(apart[2 * 6] - 0.9) < 1e-9, `only turn 0 on Ada's side: ${apart[2 * 6]}`);
});
