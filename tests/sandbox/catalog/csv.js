// CSV as Etilize and spreadsheet tools write it: comma-separated, CRLF rows, fields quoted when they hold
// a quote, comma or line break, quotes doubled.
export function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRows(rows) {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
