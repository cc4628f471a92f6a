/**
 * Property-based tests (fast-check): random and adversarial text never makes the tokenizer, the
 * quote scanner or the HTML extraction throw; every span lies inside the text, in order; and a
 * story re-rendered as HTML (emphasis, entities, odd white space, page furniture) gives the same
 * text, quotes and speakers as its plain text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { runPipeline } from '../src/pipeline/run.js';
import { analyze, analyzeStory, readStory } from '../src/index.js';
import { parseHtml } from '../src/input/html-events.js';

const RUNS = Number(process.env.DRAMATIS_FC_RUNS ?? 150);

/** Text biased towards what breaks scanners: quote marks, apostrophes, dashes, line breaks, astral characters. */
const noisyText = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '“', '”', '‘', '’', "'", '«', '»', '—', '--', '...', '…', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '*', '* * *', 'Chapter 1', '𝄞', 'é', '\u00a0', '\ufeff', '\u0000', 'A/N:'),
      fc.constantFrom('Ann', 'said', 'she', 'he', 'Mr.', 'Bea', 'asked', 'the', 'captain', 'Yes', 'no', '.', ',', '?', '!'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

function checkSpans(flat: Int32Array, stride: number, length: number, what: string): void {
  let prev = -1;
  for (let i = 0; i < flat.length; i += stride) {
    const s = flat[i];
    const e = flat[i + 1];
    assert.ok(s >= 0 && s <= e && e <= length, `${what} ${s}-${e} inside 0-${length}`);
    assert.ok(s >= prev, `${what} in order`);
    prev = s;
  }
}

test('tokenizer and quote scanner: never throw; paragraphs, tokens, sentences and quotes inside the text and ordered', () => {
  fc.assert(
    fc.property(noisyText, (text) => {
      const doc = new Document(text);
      runPipeline(doc, {}, 'quotes');
      checkSpans(doc.paragraphs, 2, text.length, 'paragraph');
      checkSpans(doc.tokens, 2, text.length, 'token');
      checkSpans(doc.sentences, 4, text.length, 'sentence');
      checkSpans(doc.quotes, 4, text.length, 'quote');
      // Tokens do not overlap.
      for (let i = 2; i < doc.tokens.length; i += 2) assert.ok(doc.tokens[i] >= doc.tokens[i - 1], "expected: doc.tokens[i] >= doc.tokens[i - 1]");
    }),
    { numRuns: RUNS * 3 },
  );
});

test('the whole analysis never throws on noisy text, and its spans index the text', () => {
  fc.assert(
    fc.property(noisyText, (text) => {
      if (text.replace(/^\ufeff/, '').length === 0) return;
      const a = analyze(text);
      const cps = Array.from(text.replace(/^\ufeff/, ''));
      let prev = -1;
      for (const q of a.quotes) {
        assert.ok(q.start >= 0 && q.start <= q.end && q.end <= cps.length, "expected: q.start >= 0 && q.start <= q.end && q.end <= cps.length");
        assert.equal(cps.slice(q.start, q.end).join(''), q.text);
        assert.ok(q.start >= prev, "expected: q.start >= prev");
        prev = q.start;
      }
    }),
    { numRuns: RUNS },
  );
});

/** Markup soup: random tags (known and unknown, unclosed, stray), attributes, entities, comments. */
const htmlSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<em>', '</em>', '<b>', '</i>', '<br>', '<br/>', '<hr>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', ']]>', '<p class="x">', '<div id="chapters" class="userstuff">', '<div class="meta">', '<h2 class="heading">', '</h2>', '<dl class="tags"><dt>', '<dd>', '<select id="chap_select"><option selected>', '<nav>', '</nav>', '<a href="x">', '</a>', '&amp;', '&nbsp;', '&#x1F600;', '&#0;', '&bogus;', '<', '>', '"', "'", '=', '<p/>', '<table><tr><td>', '</html>', '<body>', '<?xml ?>'),
      noisyText,
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

test('HTML reader: never throws, balanced open/close events, linear nesting bound', () => {
  fc.assert(
    fc.property(htmlSoup, (html) => {
      let depth = 0;
      let max = 0;
      parseHtml(html, {
        open: () => {
          depth++;
          max = Math.max(max, depth);
        },
        close: () => {
          depth--;
          assert.ok(depth >= 0, "expected: depth >= 0");
        },
        text: (t) => assert.equal(typeof t, 'string'),
      });
      assert.equal(depth, 0, 'every element is closed');
    }),
    { numRuns: RUNS * 3 },
  );
});

test('HTML extraction: never throws anything but a clear input error; chapters inside the text and ordered', async () => {
  await fc.assert(
    fc.asyncProperty(htmlSoup, async (html) => {
      try {
        const s = await readStory(Buffer.from('<html>' + html), 'soup.html');
        let prev = -1;
        for (const c of s.chapters ?? []) {
          assert.ok(c.start >= prev && c.start < s.text.length, "expected: c.start >= prev && c.start < s.text.length");
          assert.ok(s.text.startsWith(c.title, c.start), 'a chapter starts at its heading');
          prev = c.start;
        }
        assert.ok(!s.text.includes('\u0000'), "expected: !s.text.includes('\\u0000')");
      } catch (e) {
        assert.equal((e as Error).name, 'InputError', String(e));
        assert.doesNotMatch((e as Error).message, /\n/);
      }
    }),
    { numRuns: RUNS },
  );
});

// Stories from a small grammar, rendered as plain text and as HTML.
const NAMES = ['Ann Pell', 'Bram Tolk', 'Cora Vane', 'Dace Holt'];
const WORDS = ['the', 'lantern', 'river', 'went', 'out', 'again', 'cold', 'bread', 'never', 'tomorrow', 'quietly', 'rope'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 9 }).map((w) => {
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1);
});
const paragraph = fc.oneof(
  fc.tuple(sentence, fc.constantFrom(...NAMES), fc.constantFrom('said', 'asked', 'whispered')).map(([s, n, v]) => ({ kind: 'tag', s, n, v })),
  fc.tuple(fc.constantFrom(...NAMES), sentence, sentence).map(([n, a, s]) => ({ kind: 'beat', s, n, v: a })),
  sentence.map((s) => ({ kind: 'narration', s, n: '', v: '' })),
);
const storyArb = fc.array(fc.array(paragraph, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 });

type Para = { kind: string; s: string; n: string; v: string };

function plain(p: Para): string {
  if (p.kind === 'tag') return `“${p.s},” ${p.v} ${p.n}.`;
  if (p.kind === 'beat') return `${p.n} nodded. “${p.s}.” ${p.v}.`;
  return `${p.s}.`;
}

/** The same paragraph as HTML: words wrapped in emphasis, entities, line breaks inside the markup. */
function html(p: Para, seed: number): string {
  const words = plain(p).split(' ');
  const out = words.map((w, i) => {
    const esc = w.replace(/&/g, '&amp;').replace(/“/g, (seed + i) % 2 ? '&ldquo;' : '“').replace(/”/g, (seed + i) % 3 ? '&rdquo;' : '&#8221;');
    return (seed + i) % 5 === 0 ? `<em>${esc}</em>` : (seed + i) % 7 === 0 ? `<b><i>${esc}</i></b>` : esc;
  });
  return `<p>${out.join((seed % 2 ? '\n' : ' '))}</p>`;
}

test('a story re-rendered as HTML gives the same text, quotes and speakers as its plain text', async () => {
  await fc.assert(
    fc.asyncProperty(storyArb, fc.nat(1000), async (chapters, seed) => {
      const multi = chapters.length > 1;
      const textParts: string[] = [];
      const htmlParts: string[] = ['<!DOCTYPE html><html><head><title>T</title><script>var q = "“no,” said Nobody";</script></head><body><nav><a href="/">Home</a></nav>'];
      chapters.forEach((paras, k) => {
        if (multi) {
          textParts.push(`Chapter ${k + 1}`);
          htmlParts.push(`<h2>Chapter ${k + 1}</h2>`);
        }
        paras.forEach((p, i) => {
          textParts.push(plain(p));
          htmlParts.push(html(p, seed + i));
        });
      });
      htmlParts.push('<footer>“Comments,” said the footer.</footer></body></html>');
      const text = textParts.join('\n\n') + '\n';
      const s = await readStory(Buffer.from(htmlParts.join('\n')), 'story.html');
      assert.equal(s.text, text);
      const fromText = analyze(text);
      const fromHtml = analyzeStory(s);
      const who = (a: typeof fromText): (string | null)[] => a.quotes.map((q) => a.characters.find((c) => c.id === q.speaker)?.name ?? null);
      assert.deepEqual(fromHtml.quotes.map((q) => [q.start, q.end, q.text]), fromText.quotes.map((q) => [q.start, q.end, q.text]));
      assert.deepEqual(who(fromHtml), who(fromText));
    }),
    { numRuns: Math.max(20, RUNS / 3) },
  );
});
