import { ancestorCodes, codeLevel, parentCode } from './codes.js';
import { normalizeSubjectCode, normalizeSubjectName } from './normalize.js';
import type { CatalogKind, CodeStatus, Subject } from './types.js';

/** How a user-supplied catalogue is combined with the bundled one. */
export type CatalogCombineMode = 'extend' | 'replace';

const DEFAULT_SEARCH_LIMIT = 20;

function byCode(a: Subject, b: Subject): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * An immutable catalogue of one kind. Codes are unique; iteration is in code
 * order (as strings, so each 类 is followed by its 款 and their 项). Every
 * lookup normalises its argument first (whitespace, full-width digits, and for
 * names also parentheses), so printed codes and names can be passed as they are.
 */
export class Catalog implements Iterable<Subject> {
  readonly kind: CatalogKind;
  readonly #sorted: readonly Subject[];
  readonly #byCode: ReadonlyMap<string, Subject>;
  readonly #byName: ReadonlyMap<string, readonly Subject[]>;
  readonly #children: ReadonlyMap<string, readonly Subject[]>;
  readonly #normalizedNames: ReadonlyMap<Subject, string>;

  /**
   * Builds a catalogue from subjects of `kind`. When a code occurs twice the
   * later subject wins (this is how {@link Catalog.extend} overrides). Throws a
   * RangeError for a subject of another kind or with a malformed code: that is
   * a programming error; untrusted input goes through parseCatalogCsv or
   * catalogFromGrid, which report issues instead.
   */
  constructor(kind: CatalogKind, subjects: Iterable<Subject>) {
    this.kind = kind;
    const map = new Map<string, Subject>();
    for (const s of subjects) {
      if (s.kind !== kind) throw new RangeError(`subject ${s.code} is of kind ${s.kind}, not ${kind}`);
      const level = codeLevel(kind, s.code);
      if (level === undefined || s.code !== normalizeSubjectCode(s.code)) {
        throw new RangeError(`malformed ${kind} code: ${JSON.stringify(s.code)}`);
      }
      map.set(s.code, Object.freeze({ code: s.code, name: s.name, level, kind, source: s.source }));
    }
    const sorted = Object.freeze([...map.values()].sort(byCode));
    const names = new Map<string, Subject[]>();
    const children = new Map<string, Subject[]>();
    const normalized = new Map<Subject, string>();
    for (const s of sorted) {
      const key = normalizeSubjectName(s.name);
      normalized.set(s, key);
      const sameName = names.get(key);
      if (sameName) sameName.push(s);
      else names.set(key, [s]);
      const parent = parentCode(kind, s.code);
      if (parent !== undefined) {
        const siblings = children.get(parent);
        if (siblings) siblings.push(s);
        else children.set(parent, [s]);
      }
    }
    this.#sorted = sorted;
    this.#byCode = map;
    this.#byName = names;
    this.#children = children;
    this.#normalizedNames = normalized;
    Object.freeze(this);
  }

  /** An empty catalogue of a kind. */
  static empty(kind: CatalogKind): Catalog {
    return new Catalog(kind, []);
  }

  /** Number of subjects. */
  get size(): number {
    return this.#sorted.length;
  }

  /** The subject with this code, if the catalogue contains it. */
  get(code: string): Subject | undefined {
    return this.#byCode.get(normalizeSubjectCode(code));
  }

  has(code: string): boolean {
    return this.#byCode.has(normalizeSubjectCode(code));
  }

  /**
   * `known` when the catalogue contains the code, `malformed` when the code
   * cannot be a code of this catalogue (see codeLevel), otherwise `unknown`: a
   * well-formed code the catalogue does not contain, which is not an error in
   * itself since the bundled catalogue is partial.
   */
  status(code: string): CodeStatus {
    const c = normalizeSubjectCode(code);
    if (this.#byCode.has(c)) return 'known';
    return codeLevel(this.kind, c) === undefined ? 'malformed' : 'unknown';
  }

  /**
   * All subjects whose name equals `name` after normalizeSubjectName, in code
   * order. Names repeat (行政运行 exists under many 款), hence a list.
   */
  byName(name: string): readonly Subject[] {
    return this.#byName.get(normalizeSubjectName(name)) ?? [];
  }

  /**
   * Subjects whose code starts with `query` (when the query is all digits after
   * normalisation) or whose normalised name contains the normalised query, in
   * code order, at most `limit` of them. An empty query finds nothing.
   */
  search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): Subject[] {
    const max = Math.max(0, Math.floor(limit));
    const code = normalizeSubjectCode(query);
    if (code === '' || max === 0) return [];
    const found: Subject[] = [];
    if (/^[0-9]+$/.test(code)) {
      for (const s of this.#sorted) {
        if (s.code.startsWith(code)) found.push(s);
        if (found.length >= max) break;
      }
      return found;
    }
    const name = normalizeSubjectName(query);
    for (const s of this.#sorted) {
      if ((this.#normalizedNames.get(s) ?? '').includes(name)) found.push(s);
      if (found.length >= max) break;
    }
    return found;
  }

  /**
   * The known ancestors of a code, from its 类 down to its direct parent
   * (2080107 → [208, 20801]). Ancestors missing from the catalogue are left
   * out; a malformed code has none.
   */
  parents(code: string): Subject[] {
    const chain: Subject[] = [];
    for (const c of ancestorCodes(this.kind, code)) {
      const s = this.#byCode.get(c);
      if (s) chain.push(s);
    }
    return chain;
  }

  /** The known direct children of a code (款 of a 类, 项 of a 款), in code order. */
  children(code: string): readonly Subject[] {
    return this.#children.get(normalizeSubjectCode(code)) ?? [];
  }

  /** All subjects in code order. */
  subjects(): readonly Subject[] {
    return this.#sorted;
  }

  [Symbol.iterator](): Iterator<Subject> {
    return this.#sorted[Symbol.iterator]();
  }

  /**
   * A new catalogue with the subjects of both; where both contain a code, the
   * subject of `other` wins (a user catalogue overrides bundled names). Throws
   * a RangeError when the kinds differ.
   */
  extend(other: Catalog): Catalog {
    if (other.kind !== this.kind) throw new RangeError(`cannot extend a ${this.kind} catalogue with a ${other.kind} catalogue`);
    return new Catalog(this.kind, [...this.#sorted, ...other.subjects()]);
  }
}

/**
 * The active catalogue: `bundled` alone when there is no user catalogue;
 * otherwise `extend` adds the user's subjects to the bundled ones (user wins on
 * equal codes) and `replace` uses the user's catalogue alone (e.g. the finance
 * bureau's complete official catalogue). Throws a RangeError when the kinds differ.
 */
export function combineCatalogs(bundled: Catalog, user: Catalog | undefined, mode: CatalogCombineMode): Catalog {
  if (user === undefined) return bundled;
  if (user.kind !== bundled.kind) throw new RangeError(`cannot combine a ${bundled.kind} catalogue with a ${user.kind} catalogue`);
  return mode === 'replace' ? user : bundled.extend(user);
}
