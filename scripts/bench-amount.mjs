// Benchmark (not a test): the core Amount (bigint mantissa + scale) against decimal.js
// for parsing + summing 1,000,000 amounts, summing pre-parsed amounts and formatting.
// Uses the BUILT core: run `npx turbo run build --filter=@yusuan/core` first.
// Usage: node scripts/bench-amount.mjs [count]
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import Decimal from 'decimal.js';
import { Amount } from '../packages/core/dist/index.js';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = 5;
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

// Deterministic amounts in 万元 with two decimals, up to 10,000,000.00, one in ten negative.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20240101);
const texts = new Array(N);
for (let i = 0; i < N; i++) {
  const cents = BigInt(Math.floor(rnd() * 1_000_000_001));
  const neg = rnd() < 0.1;
  const s = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  texts[i] = neg ? `-${s}` : s;
}

function parseAmount(s) {
  const r = Amount.parse(s);
  if (r.kind !== 'amount') throw new Error(`bench input not an amount: ${s}`);
  return r.amount;
}

const group = (s) => s.replace(/\B(?=(?:\d{3})+(?!\d))/g, ',');
const formatDecimal = (d) => {
  const s = d.toFixed(2);
  const dot = s.indexOf('.');
  return group(s.slice(0, dot)) + s.slice(dot);
};

const amounts = texts.map(parseAmount);
const decimals = texts.map((s) => new D(s));

const cases = [
  {
    name: `parse + sum`,
    amount: () => Amount.sum(texts.map(parseAmount)).toString(),
    decimal: () => {
      let acc = new D(0);
      for (const s of texts) acc = acc.plus(new D(s));
      return acc.toFixed(2);
    },
  },
  {
    name: `sum (already parsed)`,
    amount: () => Amount.sum(amounts).toString(),
    decimal: () => {
      let acc = new D(0);
      for (const d of decimals) acc = acc.plus(d);
      return acc.toFixed(2);
    },
  },
  {
    name: `format \`1,234.56\``,
    amount: () => {
      let last = '';
      for (const a of amounts) last = a.format();
      return last;
    },
    decimal: () => {
      let last = '';
      for (const d of decimals) last = formatDecimal(d);
      return last;
    },
  },
];

function measure(fn) {
  fn(); // warm-up
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  return { result, opsPerSec: N / (median / 1000), ms: median };
}

const fmtOps = (x) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

const rows = [];
for (const c of cases) {
  const a = measure(c.amount);
  const d = measure(c.decimal);
  if (a.result !== d.result) throw new Error(`${c.name}: results differ (${a.result} vs ${d.result})`);
  rows.push(
    `| ${c.name} | ${fmtOps(a.opsPerSec)} (${fmtMs(a.ms)} ms) | ${fmtOps(d.opsPerSec)} (${fmtMs(d.ms)} ms) | ${(a.opsPerSec / d.opsPerSec).toLocaleString('en-US', { maximumFractionDigits: 2 })}× |`,
  );
}

const cpu = cpus()[0]?.model ?? 'unknown';
const decimalVersion = JSON.parse(readFileSync(new URL('../node_modules/decimal.js/package.json', import.meta.url), 'utf8')).version;
console.log(`Amount vs decimal.js ${decimalVersion}, ${N.toLocaleString('en-US')} amounts (2 decimals, |x| ≤ 10,000,000), median of ${RUNS} runs after a warm-up.`);
console.log(`Machine: nproc ${availableParallelism()}, ${cpu}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Sum checked equal: ${Amount.sum(amounts).format()}.`);
console.log('');
console.log('| Operation | Amount ops/s (median time) | decimal.js ops/s (median time) | Amount / decimal.js |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(r);
