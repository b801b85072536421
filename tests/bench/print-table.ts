// Runs in: the benchmark script (Node). Renders one markdown table with aligned columns.
export type Cell = string | number;

export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Lines printed under the table (aims met or missed, notes). */
  notes?: string[];
}

export function printTable(table: Table): string {
  const text = table.rows.map((row) => row.map(String));
  const widths = table.headers.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [`### ${table.title}`, '', line(table.headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...text.map(line)];
  if (table.notes && table.notes.length > 0) out.push('', ...table.notes);
  return out.join('\n');
}
