// Reads the Vitest JSON reports of every package (.test-results/*.json) and prints
// one line "N passed, N failed" (", N skipped" when some were skipped).
// Exits 1 when no report was written or a report shows a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../.test-results/', import.meta.url);
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of files) {
  const r = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const failedSuites = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).every((a) => a.status !== 'failed'));
  failed += failedSuites.length;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(files.length === 0 || failed > 0 || passed === 0 ? 1 : 0);
