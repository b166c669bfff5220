/**
 * fast-check generators of valid 底稿 inputs, for property tests. Not exported
 * from the package (fast-check is a development dependency).
 */
import fc from 'fast-check';
import { Amount } from '../amount/amount.js';
import { FORM_IDS, FUNCTION_CLASSES, INDICATOR_FRAMEWORK, type SectionKey } from '../model/columns.js';
import {
  basicKindOf,
  BUDGET_SOURCES,
  NARRATIVE_SECTIONS,
  PROCUREMENT_CATEGORIES,
  THREE_PUBLIC_ITEMS,
  type BasicLine,
  type BudgetInput,
  type BudgetSource,
  type InputLine,
  type InputProject,
} from './schema.js';

const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));

/** CJK text without outer whitespace. */
export function cjkText(minLength = 1, maxLength = 12): fc.Arbitrary<string> {
  return fc.array(cjkChar, { minLength, maxLength }).map((cs) => cs.join(''));
}

/** Names as budget staff type them: CJK words, sometimes with a bracketed qualifier or a digit. */
const nameArb = fc.oneof(
  cjkText(2, 12),
  fc.tuple(cjkText(2, 8), cjkText(1, 4)).map(([a, b]) => `${a}（${b}）`),
  fc.tuple(cjkText(2, 6), fc.integer({ min: 1, max: 99 }), cjkText(1, 4)).map(([a, n, b]) => `${a}${n}${b}`),
);

/** Amounts with two decimals, ≥ 0: mostly small, sometimes up to 10^9 万元. */
export const amountArb: fc.Arbitrary<string> = fc
  .oneof(fc.bigInt({ min: 0n, max: 100_000n }), fc.bigInt({ min: 0n, max: 100_000_000_000n }))
  .map((m) => Amount.fromMantissa(m, 2).toString());

const pad2 = (n: number) => String(n).padStart(2, '0');
const CLASS_CODES = FUNCTION_CLASSES.map(([c]) => c);

const itemCodeArb = fc
  .tuple(fc.constantFrom(...CLASS_CODES), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
  .map(([c, k, x]) => `${c}${pad2(k)}${pad2(x)}`);

const sourceArb = fc.constantFrom(...BUDGET_SOURCES);

const lineAmountsArb = fc.record({ personnel: amountArb, publicUse: amountArb, project: amountArb, carryForward: amountArb }, { requiredKeys: [] });

function linesFor(codes: readonly string[]): fc.Arbitrary<InputLine[]> {
  return fc
    .tuple(
      ...codes.map((code) =>
        fc.tuple(fc.option(nameArb, { nil: undefined }), fc.subarray([...BUDGET_SOURCES], { minLength: 1, maxLength: 3 })).chain(([name, sources]) =>
          fc.tuple(...sources.map((source) => lineAmountsArb.map((a): InputLine => ({ code, ...(name === undefined ? {} : { name }), source, ...a })))),
        ),
      ),
    )
    .map((groups) => groups.flat());
}

function rollupCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((c) => [c.slice(0, 3), c.slice(0, 5)]))].sort();
}

const DEPARTMENT_CLASSES = ['301', '302', '303', '310'];
const GOVERNMENT_CLASSES = ['501', '502', '505', '509'];

const economicPairArb: fc.Arbitrary<EconomicPair> = fc.record({
  department: fc.tuple(fc.constantFrom(...DEPARTMENT_CLASSES), fc.integer({ min: 1, max: 30 })).map(([c, k]) => `${c}${pad2(k)}`),
  government: fc.option(
    fc.tuple(fc.constantFrom(...GOVERNMENT_CLASSES), fc.integer({ min: 1, max: 30 })).map(([c, k]) => `${c}${pad2(k)}`),
    { nil: undefined },
  ),
  departmentName: fc.option(nameArb, { nil: undefined }),
  governmentName: fc.option(nameArb, { nil: undefined }),
});

interface EconomicPair {
  readonly department: string;
  readonly government: string | undefined;
  readonly departmentName: string | undefined;
  readonly governmentName: string | undefined;
}

function basicLine(pair: EconomicPair, source: BudgetSource, amount: string): BasicLine {
  return {
    department: { code: pair.department, ...(pair.departmentName === undefined ? {} : { name: pair.departmentName }) },
    ...(pair.government === undefined ? {} : { government: { code: pair.government, ...(pair.governmentName === undefined ? {} : { name: pair.governmentName }) } }),
    source,
    amount,
  };
}

const sourceAmountsArb = fc.record(Object.fromEntries(BUDGET_SOURCES.map((s) => [s, amountArb])) as Record<BudgetSource, fc.Arbitrary<string>>, { requiredKeys: [] });

const projectTypeArb = fc.oneof(fc.constantFrom('特定目标类', '其他运转类', '公用经费类'), cjkText(2, 6));

const LEVEL1 = Object.keys(INDICATOR_FRAMEWORK) as (keyof typeof INDICATOR_FRAMEWORK)[];
const indicatorArb = fc.constantFrom(...LEVEL1).chain((level1) =>
  fc.record({
    level1: fc.constant(level1),
    level2: fc.constantFrom(...INDICATOR_FRAMEWORK[level1]),
    level3: nameArb,
    value: fc.oneof(
      fc.constantFrom('≥90%', '≤131.55 万元', '=100%', '提升', '及时', '≥5 人', '≤92 元/人. 月', ''),
      fc.tuple(fc.constantFrom('≥', '≤', '=', '>', '<', '＞'), fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('%', '人', '万元', '个', '项')).map(([op, n, u]) => `${op}${n}${u}`),
      cjkText(1, 4),
    ),
  }),
);

const dateArb = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`);

const countArb = fc.nat({ max: 500 }).map(String);

const longTextArb = fc.oneof(cjkText(1, 40), fc.tuple(cjkText(1, 20), cjkText(1, 20)).map(([a, b]) => `${a}\n${b}`));

function narrativeArb(projectNames: readonly string[]): fc.Arbitrary<BudgetInput['narrative']> {
  return fc.record({
    previous: fc.record({ total: amountArb, gpb: amountArb, gfb: amountArb, basic: amountArb, project: amountArb }, { requiredKeys: [] }),
    changeReasons: fc.option(longTextArb, { nil: undefined }),
    operatingCost: fc.option(amountArb, { nil: undefined }),
    assetDate: fc.option(dateArb, { nil: undefined }),
    assets: fc.record({ vehicles: countArb, generalEquipment: countArb, specialEquipment: countArb }, { requiredKeys: [] }),
    keyProjects: fc.subarray([...projectNames]),
    notes: fc.record(Object.fromEntries(FORM_IDS.map((id) => [id, cjkText(2, 20).map((t) => `注：${t}。`)])) as Record<(typeof FORM_IDS)[number], fc.Arbitrary<string>>, {
      requiredKeys: [],
    }),
    texts: fc.record(Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, longTextArb])) as Record<SectionKey, fc.Arbitrary<string>>, { requiredKeys: [] }),
    threePublicReasons: fc.option(longTextArb, { nil: undefined }),
  }).map((n) => {
    // Optional members are left out, never set to undefined.
    const { changeReasons, threePublicReasons, operatingCost, assetDate, ...rest } = n;
    return {
      ...rest,
      ...(changeReasons === undefined ? {} : { changeReasons }),
      ...(threePublicReasons === undefined ? {} : { threePublicReasons }),
      ...(operatingCost === undefined ? {} : { operatingCost }),
      ...(assetDate === undefined ? {} : { assetDate }),
    };
  });
}

const unitArb = fc.record(
  {
    name: nameArb,
    year: fc.integer({ min: 2000, max: 2100 }),
    kind: fc.constantFrom('行政' as const, '参公' as const, '事业' as const),
    department: nameArb,
  },
  { requiredKeys: ['name', 'year'] },
);

const documentArb = fc.record({ title: nameArb, amountUnit: fc.constantFrom('万元' as const, '元' as const) }, { requiredKeys: ['amountUnit'] });

function performanceArb(projectNames: readonly string[]): fc.Arbitrary<BudgetInput['performance']> {
  return fc.subarray([...projectNames]).chain((names) =>
    fc.tuple(
      ...names.map((project) =>
        fc
          .record(
            { department: nameArb, implementer: nameArb, target: longTextArb, indicators: fc.array(indicatorArb, { maxLength: 5 }) },
            { requiredKeys: ['indicators'] },
          )
          .map((p) => ({ project, ...p })),
      ),
    ),
  );
}

const threePublicArb = fc.record({
  previous: fc.record(Object.fromEntries(THREE_PUBLIC_ITEMS.map((k) => [k, amountArb])) as Record<(typeof THREE_PUBLIC_ITEMS)[number], fc.Arbitrary<string>>, { requiredKeys: [] }),
  current: fc.record(Object.fromEntries(THREE_PUBLIC_ITEMS.map((k) => [k, amountArb])) as Record<(typeof THREE_PUBLIC_ITEMS)[number], fc.Arbitrary<string>>, { requiredKeys: [] }),
});

/**
 * Any valid input: random 项 codes under random 款 and 类 (some named, some
 * left to the catalogue), random sources and amounts, economic pairs,
 * projects with CJK names, procurement, indicators and narrative inputs. The
 * sheets need not agree with each other (compose reports where they do not).
 */
export function arbitraryBudgetInput(): fc.Arbitrary<BudgetInput> {
  return rawBudgetInput().map(plain);
}

/** The input as plain JSON data (fast-check records have no prototype). */
function plain(x: BudgetInput): BudgetInput {
  return JSON.parse(JSON.stringify(x)) as BudgetInput;
}

function rawBudgetInput(): fc.Arbitrary<BudgetInput> {
  return fc
    .record({
      unit: unitArb,
      document: documentArb,
      codes: fc.uniqueArray(itemCodeArb, { maxLength: 8 }),
      projectNames: fc.uniqueArray(nameArb, { maxLength: 5 }),
    })
    .chain(({ unit, document, codes, projectNames }) =>
      fc.record({
        unit: fc.constant(unit),
        document: fc.constant(document),
        lines: linesFor(codes),
        subjects: fc.subarray(rollupCodes(codes)).chain((cs) => fc.tuple(...cs.map((code) => nameArb.map((name) => ({ code, name }))))),
        basic: fc.array(fc.tuple(economicPairArb, sourceArb, amountArb).map(([p, s, a]) => basicLine(p, s, a)), { maxLength: 6 }),
        economicSubjects: fc
          .subarray([...DEPARTMENT_CLASSES, ...GOVERNMENT_CLASSES])
          .chain((cs) => fc.tuple(...cs.map((code) => nameArb.map((name) => ({ code, name }))))),
        projects: fc.tuple(
          ...projectNames.map((name) =>
            fc.record({ type: projectTypeArb, amounts: sourceAmountsArb }, { requiredKeys: ['amounts'] }).map((p): InputProject => ({ name, ...p })),
          ),
        ),
        threePublic: threePublicArb,
        procurement: fc.array(
          fc.record({
            code: codes.length > 0 ? fc.oneof(fc.constantFrom(...codes), itemCodeArb) : itemCodeArb,
            source: sourceArb,
            category: fc.constantFrom(...PROCUREMENT_CATEGORIES),
            amount: amountArb,
          }),
          { maxLength: 4 },
        ),
        performance: performanceArb(projectNames),
        narrative: narrativeArb(projectNames),
      }),
    );
}

/**
 * A valid input whose sheets agree with each other: basic expenditure by
 * economic code adds up per source and kind to the lines, projects to the
 * lines' project expenditure per source, procurement stays within each code's
 * expenditure, and every code and economic class has a name.
 */
export function arbitraryConsistentBudgetInput(): fc.Arbitrary<BudgetInput> {
  return arbitraryBudgetInput().chain((x) => {
    const spentBy = (s: BudgetSource, k: 'personnel' | 'publicUse' | 'project') => Amount.sum(x.lines.filter((l) => l.source === s).map((l) => Amount.of(l[k] ?? '0')));
    const pairPool = fc.uniqueArray(economicPairArb, { minLength: 4, maxLength: 6, selector: (p) => `${p.department}/${p.government ?? ''}` });
    const codes = [...new Set(x.lines.map((l) => l.code))];
    return fc.record({
      pairs: pairPool,
      personnelPick: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
      publicPick: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
      projectNames: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 4 }),
      projectPick: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
      procurementPick: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PROCUREMENT_CATEGORIES)), { maxLength: 4 }),
      types: fc.array(projectTypeArb, { minLength: 4, maxLength: 4 }),
      performanceSeed: fc.nat(),
    }).chain(({ pairs, personnelPick, publicPick, projectNames, projectPick, procurementPick, types, performanceSeed }) => {
      const named: EconomicPair[] = pairs.map((p) => ({
        ...p,
        departmentName: p.departmentName ?? `部门${p.department}`,
        governmentName: p.government === undefined ? undefined : (p.governmentName ?? `政府${p.government}`),
      }));
      const personnelPairs = named.filter((p) => basicKindOf(p.department) === 'personnel');
      const publicPairs = named.filter((p) => basicKindOf(p.department) === 'publicUse');
      // Both kinds need a pair to carry their amounts.
      const personnelPool: EconomicPair[] = personnelPairs.length > 0 ? personnelPairs : [{ department: '30101', departmentName: '基本工资', government: '50101', governmentName: '工资奖金津补贴' }];
      const publicPool: EconomicPair[] = publicPairs.length > 0 ? publicPairs : [{ department: '30201', departmentName: '办公费', government: undefined, governmentName: undefined }];
      const basic: BasicLine[] = [];
      BUDGET_SOURCES.forEach((s, i) => {
        const p = spentBy(s, 'personnel');
        const u = spentBy(s, 'publicUse');
        const pp = personnelPool[(personnelPick[i] ?? 0) % personnelPool.length];
        const up = publicPool[(publicPick[i] ?? 0) % publicPool.length];
        if (!p.isZero() && pp) basic.push(basicLine(pp, s, p.toString()));
        if (!u.isZero() && up) basic.push(basicLine(up, s, u.toString()));
      });
      const projects: InputProject[] = projectNames.map((name, i) => ({ name, ...(i % 2 === 0 ? { type: types[i] ?? '特定目标类' } : {}), amounts: {} }));
      BUDGET_SOURCES.forEach((s, i) => {
        const a = spentBy(s, 'project');
        const p = projects[(projectPick[i] ?? 0) % projects.length];
        if (!a.isZero() && p) p.amounts[s] = a.toString();
      });
      const spendingLines = x.lines.filter((l) => !Amount.of(l.personnel ?? '0').plus(Amount.of(l.publicUse ?? '0')).plus(Amount.of(l.project ?? '0')).isZero());
      const procurement = spendingLines.length === 0 ? [] : procurementPick.map(([n, category]) => {
        const l = spendingLines[n % spendingLines.length] as InputLine;
        // One line's own spending never exceeds the code's total.
        const spent = Amount.sum((['personnel', 'publicUse', 'project'] as const).map((k) => Amount.of(l[k] ?? '0')));
        return { code: l.code, source: l.source, category, amount: spent.toString() };
      });
      // Procurement rows of one code must stay within its spending: keep the first row per code.
      const seen = new Set<string>();
      const procurementOnce = procurement.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
      const lines = x.lines.map((l) => ({ ...l, name: l.name ?? `项目科目${l.code}` }));
      const subjects = rollupCodes(codes).map((code) => ({ code, name: x.subjects.find((s) => s.code === code)?.name ?? `科目${code}` }));
      const classes = [...new Set(basic.flatMap((b) => [b.department.code.slice(0, 3), ...(b.government ? [b.government.code.slice(0, 3)] : [])]))].sort();
      const economicSubjects = classes.map((code) => ({ code, name: x.economicSubjects.find((s) => s.code === code)?.name ?? `经济${code}` }));
      const performanceProjects = projectNames.filter((_, i) => (performanceSeed >> i) % 2 === 0);
      return fc.tuple(performanceArb(performanceProjects), narrativeArb(projectNames)).map(([performance, narrative]): BudgetInput => ({
        ...x,
        lines,
        subjects,
        basic,
        economicSubjects,
        projects,
        procurement: procurementOnce,
        performance,
        narrative,
      })).map(plain);
    });
  });
}
