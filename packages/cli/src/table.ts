import stringWidth from 'string-width';

export type Align = 'left' | 'right';

/** Pads by display width: a CJK character takes two terminal columns. */
export function pad(text: string, width: number, align: Align = 'left'): string {
  const gap = Math.max(0, width - stringWidth(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/** A plain text table aligned by display width, two spaces between columns. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => stringWidth(r[c] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
