/**
 * The repeating block of an invented story used to make very large inputs (the bench's 100 MB story,
 * the CLI's 50 MB test): four paragraphs with tagged, pronoun-tagged and narration lines.
 */
export const GENERATED_PARAGRAPHS: readonly string[] = [
  '“The bell rang twice,” said Ada, counting on her fingers. “Twice means the mail boat.”',
  'Her brother did not look up from the nets. He had heard the bell for thirty years and trusted none of it.',
  '“Then go and meet it,” he said.',
  'The harbour lay flat and grey under the morning, and nothing moved on it but the gulls.',
];

/** One block of the story as UTF-8 bytes, paragraphs separated by a blank line with the given line ending. */
export function generatedBlock(eol: '\n' | '\r\n'): Buffer {
  return Buffer.from(GENERATED_PARAGRAPHS.join(eol + eol) + eol + eol);
}
