/**
 * `dramatis voice`: the voice script (src/export/script.ts) read aloud by espeak-ng, one process per
 * segment with the segment's voice, pitch and speed (SSML input), joined with the script's pauses
 * into one WAV (16-bit PCM, mono, espeak-ng's 22,050 Hz). Written atomically.
 */
import { spawn } from 'node:child_process';
import { DramatisError, ExitCode } from '../errors.js';
import type { ScriptVoice, VoiceScript } from '../export/script.js';
import { parseWav, wavHeader, type Pcm } from './wav.js';

export interface VoiceOptions {
  /** The espeak-ng executable (default `espeak-ng`). */
  espeak?: string;
  /** Segments rendered at once (default 2). */
  concurrency?: number;
}

export interface VoiceResult {
  wav: Uint8Array;
  seconds: number;
  sampleRate: number;
  /** Seconds of speech per segment (without the pauses). */
  segmentSeconds: number[];
  /** Seconds of pause added after each segment. */
  pauseSeconds: number[];
}

function run(cmd: string, args: string[], input: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${cmd} exited with code ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? ''}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input, 'utf8');
  });
}

/** Is espeak-ng there? Throws a one-line DramatisError when it is not. */
export async function checkEspeak(espeak = 'espeak-ng'): Promise<void> {
  try {
    await run(espeak, ['--version'], '');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new DramatisError(
      code === 'ENOENT' ? `${espeak} is not installed; install it (Debian: apt-get install espeak-ng) to render voices` : `${espeak} does not work: ${(e as Error).message}`,
      ExitCode.Internal,
    );
  }
}

function speak(espeak: string, v: ScriptVoice, ssml: string): Promise<Uint8Array> {
  const e = v.espeak;
  return run(espeak, ['-v', e.voice, '-p', String(e.pitch), '-s', String(e.speed), '-m', '--stdin', '--stdout'], ssml);
}

export async function renderVoice(script: VoiceScript, options: VoiceOptions = {}): Promise<VoiceResult> {
  const espeak = options.espeak ?? 'espeak-ng';
  await checkEspeak(espeak);
  const voices = new Map(script.voices.map((v) => [v.id, v]));
  const pcms: Pcm[] = new Array(script.segments.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < script.segments.length) {
      const i = next++;
      const seg = script.segments[i];
      const v = voices.get(seg.voice) ?? script.voices[0];
      try {
        pcms[i] = parseWav(await speak(espeak, v, seg.ssml));
      } catch (e) {
        throw new DramatisError(`cannot render segment ${i + 1} with espeak-ng: ${(e as Error).message}`, ExitCode.Internal);
      }
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 2, 8));
  await Promise.all(Array.from({ length: n }, worker));
  const first = pcms[0];
  const sampleRate = first?.sampleRate ?? 22050;
  const channels = first?.channels ?? 1;
  const bits = first?.bitsPerSample ?? 16;
  const frame = (channels * bits) / 8;
  const parts: Uint8Array[] = [];
  const segmentSeconds: number[] = [];
  const pauseSeconds: number[] = [];
  let total = 0;
  pcms.forEach((p, i) => {
    if (p.sampleRate !== sampleRate || p.channels !== channels || p.bitsPerSample !== bits) {
      throw new DramatisError(`espeak-ng returned a different audio format for segment ${i + 1}`, ExitCode.Internal);
    }
    parts.push(p.data);
    segmentSeconds.push(p.data.length / (sampleRate * frame));
    const pauseFrames = Math.round((script.segments[i].pauseAfterMs / 1000) * sampleRate);
    parts.push(new Uint8Array(pauseFrames * frame));
    pauseSeconds.push(pauseFrames / sampleRate);
    total += p.data.length + pauseFrames * frame;
  });
  const wav = new Uint8Array(44 + total);
  wav.set(wavHeader(sampleRate, channels, bits, total), 0);
  let pos = 44;
  for (const part of parts) {
    wav.set(part, pos);
    pos += part.length;
  }
  return { wav, seconds: total / (sampleRate * frame), sampleRate, segmentSeconds, pauseSeconds };
}
