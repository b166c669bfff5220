import { describeLocation, renderMessage, type Diagnostic, type FileResult } from '@yusuan/core';
import type { Lang } from '../i18n.js';
import { t } from '../i18n.js';
import { pad, renderTable } from '../table.js';
import stringWidth from 'string-width';

/** Where to look: the cell or the line; the logical place (short) only where there is no physical one. */
function where(d: Diagnostic, lang: Lang): string {
  const l = d.location;
  if (l.sheet !== undefined && l.cell !== undefined) return `${l.sheet}!${l.cell}`;
  if (l.line !== undefined) return `${lang === 'en' ? 'line' : '第'} ${l.line}${lang === 'en' ? '' : ' 行'}`;
  const logical = describeLocation(l, lang, { short: true });
  return l.sheet !== undefined ? [l.sheet, logical].filter(Boolean).join(' ') : logical;
}

function severityWord(d: Diagnostic, lang: Lang): string {
  if (lang === 'en') return d.severity;
  return d.severity === 'error' ? '错误' : d.severity === 'warning' ? '警告' : '提示';
}

/** The human report: per file, one line per finding aligned by display width; totals; a summary table for batches. */
export function formatStylish(results: readonly FileResult[], lang: Lang, opts: { color?: boolean } = {}): string {
  const color = opts.color ?? false;
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    out.push(paint('4', r.file));
    const rows = r.diagnostics.map((d) => {
      const place = where(d, lang);
      return [place, severityWord(d, lang), renderMessage(d, lang), d.ruleId, d.severity] as const;
    });
    const w0 = Math.max(...rows.map((x) => stringWidth(x[0])));
    const w1 = Math.max(...rows.map((x) => stringWidth(x[1])));
    for (const [place, sev, message, rule, level] of rows) {
      const sevText = paint(level === 'error' ? '31' : '33', pad(sev, w1));
      out.push(`  ${pad(place, w0)}  ${sevText}  ${message}  ${paint('2', rule)}`);
    }
    out.push('');
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const problems = errors + warnings;
  if (problems === 0) out.push(paint('32', t(lang, 'checkClean', { files: results.length })));
  else out.push(paint(errors > 0 ? '31;1' : '33;1', t(lang, 'checkTotals', { problems, errors, warnings })));
  if (results.length > 1) {
    out.push('');
    out.push(
      renderTable(
        [t(lang, 'colFile'), t(lang, 'colErrors'), t(lang, 'colWarnings')],
        results.map((r) => [r.file, String(r.errorCount), String(r.warningCount)]),
        ['left', 'right', 'right'],
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
