/** A minimal WAV (RIFF, PCM) reader and writer: enough to join espeak-ng's output. */

export interface Pcm {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** The raw sample bytes. */
  data: Uint8Array;
}

/**
 * Parse a PCM WAV. espeak-ng's `--stdout` writes a streaming header whose sizes are 0x7FFFFFFF, so a
 * `data` chunk size running past the end of the buffer means "up to the end".
 */
export function parseWav(buf: Uint8Array): Pcm {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (o: number): string => String.fromCharCode(buf[o], buf[o + 1], buf[o + 2], buf[o + 3]);
  if (buf.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let pos = 12;
  let fmt: Omit<Pcm, 'data'> | null = null;
  while (pos + 8 <= buf.length) {
    const id = tag(pos);
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      const format = view.getUint16(body, true);
      if (format !== 1) throw new Error(`WAV format ${format} is not PCM`);
      fmt = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data before its format');
      const end = Math.min(buf.length, body + size);
      const frame = (fmt.channels * fmt.bitsPerSample) / 8;
      const usable = end - ((end - body) % frame);
      return { ...fmt, data: buf.subarray(body, usable) };
    }
    pos = body + size + (size & 1);
  }
  throw new Error('WAV has no data chunk');
}

export function wavHeader(sampleRate: number, channels: number, bitsPerSample: number, dataBytes: number): Uint8Array {
  const h = new Uint8Array(44);
  const v = new DataView(h.buffer);
  const put = (o: number, s: string): void => {
    for (let i = 0; i < 4; i++) h[o + i] = s.charCodeAt(i);
  };
  const blockAlign = (channels * bitsPerSample) / 8;
  put(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * blockAlign, true);
  v.setUint16(32, blockAlign, true);
  v.setUint16(34, bitsPerSample, true);
  put(36, 'data');
  v.setUint32(40, dataBytes, true);
  return h;
}

/** Duration in seconds of a WAV file, from its header. */
export function wavDuration(buf: Uint8Array): number {
  const p = parseWav(buf);
  return p.data.length / ((p.sampleRate * p.channels * p.bitsPerSample) / 8);
}
