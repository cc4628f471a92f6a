/**
 * A small RFC 4180 CSV reader: comma separators, fields optionally wrapped in double quotes, a doubled
 * quote inside a quoted field is one quote, quoted fields may hold commas and newlines. Records end at
 * LF, CRLF or CR outside quotes. A BOM at the start is skipped. An empty trailing line is not a record.
 */

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: string[] = [];
  let field = '';
  // True once anything (a character, a quote, a separator) has been read for the current record.
  let inRecord = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Only reached at the start of a field: unquoted runs and quoted fields consume up to a separator.
      // Quoted field: read to the closing quote, unfolding doubled quotes.
      inRecord = true;
      i++;
      let start = i;
      let buf = '';
      for (;;) {
        if (i >= n) {
          throw new Error(`CSV: unterminated quoted field starting in record ${rows.length + 1}`);
        }
        if (text.charCodeAt(i) === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            buf += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          buf += text.slice(start, i);
          i++;
          break;
        }
        i++;
      }
      field = buf;
      // Anything between the closing quote and the next separator is kept (lenient, as Python's csv).
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 10 || d === 13) break;
        field += text[i];
        i++;
      }
      continue;
    }
    if (c === 44 /* , */) {
      row.push(field);
      field = '';
      inRecord = true;
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      if (inRecord || field !== '') {
        row.push(field);
        rows.push(row);
      }
      row = [];
      field = '';
      inRecord = false;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Unquoted run up to the next separator or line end.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 10 || d === 13) break;
      j++;
    }
    field += text.slice(i, j);
    inRecord = true;
    i = j;
  }
  if (inRecord || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parse CSV with a header row into records keyed by column name (header names trimmed). */
export function parseCsvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parseCsv(text);
  if (rows.length === 0) return { header: [], records: [] };
  const header = rows[0].map((h) => h.trim());
  const records: Record<string, string>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const rec: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) rec[header[k]] = row[k] ?? '';
    records.push(rec);
  }
  return { header, records };
}
