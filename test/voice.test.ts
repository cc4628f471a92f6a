/**
 * `dramatis voice`: WAV joining (header checked), a voice per character (through a stand-in
 * espeak-ng that records its arguments), and a real espeak-ng rendering whose duration is checked
 * (skipped when espeak-ng is not installed; CI installs it).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument } from '../src/index.js';
import { toAnalysis } from '../src/output/analysis.js';
import { toScript } from '../src/export/script.js';
import { renderVoice } from '../src/voice/index.js';
import { parseWav, wavDuration, wavHeader } from '../src/voice/wav.js';
import { main, type CliIO } from '../src/cli/main.js';

const STORY = [
  'The Lamp',
  '',
  '“Is the lamp lit?” asked Mara.',
  '',
  '“It is,” said Tomas. “Come and see.”',
  '',
  'Mara went over to the window.',
  '',
].join('\n');

const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
const hasSox = spawnSync('soxi', ['-V0', '--help']).error === undefined;

function toneWav(seconds: number, rate = 22050): Uint8Array {
  const frames = Math.round(seconds * rate);
  const data = new Uint8Array(frames * 2);
  const v = new DataView(data.buffer);
  for (let i = 0; i < frames; i++) v.setInt16(2 * i, Math.round(8000 * Math.sin(i / 10)), true);
  const out = new Uint8Array(44 + data.length);
  out.set(wavHeader(rate, 1, 16, data.length));
  out.set(data, 44);
  return out;
}

function capture() {
  return { text: '', write(s: string) { this.text += s; return true; } };
}

describe('wav', () => {
  test('header round trip and espeak-ng streaming headers', () => {
    const w = toneWav(0.5);
    const p = parseWav(w);
    assert.equal(p.sampleRate, 22050);
    assert.equal(p.channels, 1);
    assert.equal(p.bitsPerSample, 16);
    assert.equal(wavDuration(w), 0.5);
    // A streaming header (sizes 0x7FFFFFFF) means "to the end".
    const s = w.slice();
    new DataView(s.buffer).setUint32(40, 0x7fffffff, true);
    assert.equal(parseWav(s).data.length, w.length - 44);
    assert.throws(() => parseWav(new TextEncoder().encode('not a wav at all')), /not a WAV/);
  });
});

describe('voice rendering', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-voice-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('one espeak-ng call per segment with its voice; pauses joined; duration adds up', async () => {
    const wavFile = join(dir, 'tone.wav');
    writeFileSync(wavFile, toneWav(0.25));
    const log = join(dir, 'args.log');
    const fake = join(dir, 'fake-espeak');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\ncat > /dev/null\ncat '${wavFile}'\n`);
    chmodSync(fake, 0o755);
    const doc = analyzeDocument(STORY);
    const script = toScript(doc, toAnalysis(doc));
    const res = await renderVoice(script, { espeak: fake, concurrency: 2 });
    const calls = readFileSync(log, 'utf8').trim().split('\n').filter((l) => !l.includes('--version'));
    assert.equal(calls.length, script.segments.length);
    const speakers = new Set(script.segments.filter((s) => s.kind === 'speech').map((s) => s.voice));
    const voiceArgs = new Set(calls.map((c) => /-v (\S+) -p (\d+)/.exec(c)!.slice(1).join('/')));
    assert.ok(voiceArgs.size >= Math.min(2, speakers.size) + 1, `narrator and speakers differ: ${[...voiceArgs].join(', ')}`);
    const pauses = script.segments.reduce((s, x) => s + x.pauseAfterMs / 1000, 0);
    assert.ok(Math.abs(res.seconds - (0.25 * script.segments.length + pauses)) < 0.01, "expected: Math.abs(res.seconds - (0.25 * script.segments.length + pauses)) < 0.01");
    assert.ok(Math.abs(wavDuration(res.wav) - res.seconds) < 1e-9, "expected: Math.abs(wavDuration(res.wav) - res.seconds) < 1e-9");
    const v = new DataView(res.wav.buffer, res.wav.byteOffset);
    assert.equal(v.getUint32(4, true), res.wav.length - 8, 'RIFF size');
    assert.equal(v.getUint32(40, true), res.wav.length - 44, 'data size');
  });

  test('a missing espeak-ng is one clear error', async () => {
    const doc = analyzeDocument(STORY);
    await assert.rejects(renderVoice(toScript(doc, toAnalysis(doc)), { espeak: join(dir, 'no-such-espeak') }), /is not installed.*apt-get install espeak-ng/);
  });

  test('dramatis voice needs -o', async () => {
    const err = capture();
    const code = await main(['voice', join(dir, 'x.txt')], { stdout: capture(), stderr: err, env: {} });
    assert.equal(code, 64);
    assert.match(err.text, /^dramatis: .*--output/);
  });

  test('real espeak-ng: the WAV lasts as long as its speech and pauses, at a speaking pace', { skip: hasEspeak ? false : 'espeak-ng is not installed (apt-get install espeak-ng)' }, async () => {
    const story = join(dir, 'lamp.txt');
    writeFileSync(story, STORY);
    const out = join(dir, 'lamp.wav');
    const err = capture();
    const io: CliIO = { stdout: capture(), stderr: err, env: {}, pid: 7 };
    assert.equal(await main(['voice', story, '-o', out], io), 0, err.text);
    assert.match(err.text, /wrote .*lamp\.wav: [\d.]+ s, \d+ segments/);
    const wav = new Uint8Array(readFileSync(out));
    const p = parseWav(wav);
    assert.equal(p.sampleRate, 22050);
    const seconds = wavDuration(wav);
    const reported = Number(/: ([\d.]+) s,/.exec(err.text)![1]);
    assert.ok(Math.abs(seconds - reported) < 0.06, `${seconds} vs reported ${reported}`);
    // 24 words at espeak's 165–175 words a minute, plus ~3 s of pauses: between 6 and 20 seconds.
    const words = STORY.split(/\s+/).filter((w) => /\w/.test(w)).length;
    const expected = (words / 170) * 60 + 3;
    assert.ok(seconds > expected * 0.5 && seconds < expected * 1.8, `${seconds.toFixed(2)} s for ${words} words (expected about ${expected.toFixed(1)} s)`);
    if (hasSox) {
      const soxi = spawnSync('soxi', ['-D', out], { encoding: 'utf8' });
      assert.ok(Math.abs(Number(soxi.stdout.trim()) - seconds) < 0.01, `sox agrees: ${soxi.stdout}`);
    }
    assert.ok(!readdirSync(dir).some((n) => n.endsWith('.tmp')), "expected: !readdirSync(dir).some((n) => n.endsWith('.tmp'))");
    assert.ok(existsSync(out), "expected: existsSync(out)");
  });
});
