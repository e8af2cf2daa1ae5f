import { hash } from 'node:crypto';
import type { Ref } from '../../schemas/common';
import type { PageContext } from './views';

/**
 * What a part of the page list was built from, recorded as it is built, so that the next build
 * can tell without building it again whether it would come out the same.
 *
 * Views are pure functions of what they read from the page context (see views.ts). A view built
 * from a {@link trackedInputs} context records every read: each graph call with its arguments,
 * each timeline lookup, each other field of the context. The next build gives every recorded read
 * a digest from its own content ({@link Digests}): when all of a part's reads give the digests
 * they gave before, the part would come out the same, and its previous result can be used. Nothing
 * is assumed about which reads matter: whatever a view reads is recorded, by the proxy, not by the
 * view's author.
 */

/** What a view is built from: the page context, and the MDX source of a briefing. */
export interface UnitInputs extends PageContext {
  body(ref: Ref<'briefings'>): string;
}

/**
 * How each field of {@link UnitInputs} is tracked: an object whose methods are recorded call by
 * call with their arguments (`methods`), an object of Maps whose lookups are recorded key by key
 * (`maps`), a function recorded call by call (`call`), or a value recorded whole (`value`).
 * A field added to the page context is a type error here until it says how it is tracked.
 */
type Tracking = 'methods' | 'maps' | 'call' | 'value';
const PLAN: Record<keyof UnitInputs, Tracking> = {
  graph: 'methods',
  timeline: 'maps',
  body: 'call',
  site: 'value',
  siteUrl: 'value',
  today: 'value',
};

/** A recorded read: a JSON array of the path from the inputs (`graph.outgoing`) and, for a call, its arguments. */
export type Dependency = string;

/** A value that cannot be digested (a function, a class instance): what reads it is never reused. */
export class Untrackable extends Error {}

const UNDEFINED = '\u0000undefined';

/**
 * Whether JSON.stringify writes `value` whole and as it is: plain objects and arrays of strings,
 * finite numbers, booleans and null, without undefined. (Walking it first and then using the
 * engine's own JSON is several times faster than a replacer called for every key.)
 */
function plainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value) if (!plainJson(item)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) if (!plainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value === undefined) return UNDEFINED;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') throw new Untrackable(`a ${typeof value}`);
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'number' && !Number.isFinite(value)) return `\u0000${value}`;
    return value;
  }
  if (Array.isArray(value)) return value;
  if (value instanceof Map) return { '\u0000map': [...value] };
  if (value instanceof Set) return { '\u0000set': [...value] };
  if (value instanceof URL) return { '\u0000url': value.href };
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new Untrackable(`an instance of ${value.constructor?.name}`);
  return value;
}

/**
 * A digest of a value made of plain data (objects, arrays, Maps, Sets, URLs, dates as their
 * ISO string, undefined kept apart from a missing key); throws {@link Untrackable} for anything else.
 */
export function digestOf(value: unknown): string {
  const text = plainJson(value) ? `j${JSON.stringify(value)}` : `r${JSON.stringify(value, replacer) ?? UNDEFINED}`;
  // One-shot hashing: several times cheaper than a Hash object for texts this short.
  return hash('sha256', text, 'base64url').slice(0, 22);
}

/** A read that cannot be recorded: its digest never matches, so what made it is built again. */
const UNRECORDABLE: Dependency = JSON.stringify(['\u0000unrecordable']);

function dependency(path: string, args?: readonly unknown[]): Dependency {
  if (!args) return JSON.stringify([path]);
  let length = args.length;
  while (length > 0 && args[length - 1] === undefined) length--;
  const given = length === args.length ? args : args.slice(0, length);
  // Arguments JSON gives back as they were (undefined only at the end, trimmed above).
  return given.every(plainJson) ? JSON.stringify([path, given]) : UNRECORDABLE;
}

/**
 * How the fields a part's inputs add to {@link UnitInputs} are tracked (see PLAN): every added
 * field must say, so none is read whole by mistake (which would make every part depend on all of it).
 */
export type MoreTracking<I extends UnitInputs> = Record<Exclude<keyof I, keyof UnitInputs>, Tracking>;

/**
 * `inputs` with every read recorded into `deps` (see the module comment). Values are returned as
 * they are; only the graph, the timeline's Maps and the body function are wrapped, and the fields
 * `more` names, as it says.
 */
export function trackedInputs<I extends UnitInputs>(
  inputs: I,
  deps: Set<Dependency>,
  more: MoreTracking<I> = {} as MoreTracking<I>,
): I {
  const plan: Record<string, Tracking> = { ...PLAN, ...more };
  const methods = (name: string, target: object) => {
    // One recording wrapper per method, made on first use.
    const wrappers = new Map<string, (...args: unknown[]) => unknown>();
    return new Proxy(target, {
      get(object, key) {
        const member = Reflect.get(object, key) as unknown;
        if (typeof key !== 'string') return member;
        if (typeof member !== 'function') {
          deps.add(dependency(`${name}.${key}`));
          return member;
        }
        let wrapper = wrappers.get(key);
        if (!wrapper) {
          const path = `${name}.${key}`;
          wrapper = (...args: unknown[]) => {
            deps.add(dependency(path, args));
            return (member as (...a: unknown[]) => unknown).apply(object, args);
          };
          wrappers.set(key, wrapper);
        }
        return wrapper;
      },
    });
  };
  const maps = (name: string, target: object) => {
    // One wrapper per Map, made on first use; lookups recorded key by key.
    const wrappers = new Map<string, unknown>();
    return new Proxy(target, {
      get(object, key) {
        const member = Reflect.get(object, key) as unknown;
        if (typeof key !== 'string') return member;
        if (!(member instanceof Map)) {
          deps.add(dependency(`${name}.${key}`));
          return member;
        }
        let wrapper = wrappers.get(key);
        if (!wrapper) {
          const map = member as Map<unknown, unknown>;
          const path = `${name}.${key}.get`;
          const whole = dependency(`${name}.${key}`);
          const get = (k: unknown) => {
            deps.add(dependency(path, [k]));
            return map.get(k);
          };
          wrapper = new Proxy(map, {
            get(m, method) {
              if (method === 'get') return get;
              // Anything else (size, has, iteration) depends on the whole Map.
              deps.add(whole);
              const value = Reflect.get(m, method, m) as unknown;
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(m) : value;
            },
          });
          wrappers.set(key, wrapper);
        }
        return wrapper;
      },
    });
  };
  const fields = new Map<string, unknown>();
  return new Proxy(inputs, {
    get(object, key) {
      const value = Reflect.get(object, key) as unknown;
      if (typeof key !== 'string') return value;
      // A field the plan does not know is read whole.
      const tracking = plan[key] ?? 'value';
      if (tracking === 'value') {
        deps.add(dependency(key));
        return value;
      }
      let field = fields.get(key);
      if (field === undefined) {
        if (tracking === 'call') {
          field = (...args: unknown[]) => {
            deps.add(dependency(key, args));
            return (value as (...a: unknown[]) => unknown)(...args);
          };
        } else field = (tracking === 'methods' ? methods : maps)(key, value as object);
        fields.set(key, field);
      }
      return field;
    },
  });
}

/**
 * The digest of each recorded read against this build's inputs, each computed once per build.
 * A read that throws or returns something that cannot be digested gets a digest no earlier read
 * had, so whatever made it is built again.
 */
export class Digests {
  readonly #memo: Map<Dependency, string>;
  constructor(
    readonly inputs: object,
    memo = new Map<Dependency, string>(),
  ) {
    this.#memo = memo;
  }

  /**
   * Digests against inputs that extend these (every field these have, with the same value, and
   * more), sharing every digest computed so far: a read both kinds of part make is digested once.
   */
  extended(inputs: object): Digests {
    return new Digests(inputs, this.#memo);
  }

  of(dep: Dependency): string {
    let digest = this.#memo.get(dep);
    if (digest === undefined) {
      digest = this.#compute(dep);
      this.#memo.set(dep, digest);
    }
    return digest;
  }

  /** The digest of a part built from `deps` (kept beside it: the reads themselves need not be hashed). */
  all(deps: readonly Dependency[]): string {
    // The hash of the digests one after another, in one call (as if each were added in turn).
    let digests = '';
    for (const dep of deps) digests += this.of(dep);
    return hash('sha256', digests, 'base64url').slice(0, 22);
  }

  #compute(dep: Dependency): string {
    if (dep === UNRECORDABLE) return `unknown:${Math.random()}`;
    try {
      const [path, args] = JSON.parse(dep) as [string, unknown[]?];
      const names = path.split('.');
      let holder: unknown = this.inputs;
      for (const name of names.slice(0, -1)) holder = (holder as Record<string, unknown>)[name];
      let value = (holder as Record<string, unknown>)[names.at(-1)!];
      if (args) value = (value as (...a: unknown[]) => unknown).apply(holder, args);
      return digestOf(value);
    } catch {
      return `unknown:${Math.random()}`;
    }
  }
}

/**
 * A part of a build kept for the next one: what it was built from (its reads, and their digest
 * with anything the whole part depends on) and what it keeps of what it built.
 */
export interface UnitRecord<S> {
  deps: Dependency[];
  digest: string;
  stored: S;
}

/**
 * The previous build's records of a kind of part (an entity's pages, the texts beside them), and
 * this build's, filled by {@link Units.part}.
 */
export class Units<S> {
  readonly next = new Map<string, UnitRecord<S>>();
  /** Parts taken from the previous build's record. */
  reused = 0;
  /** Parts built. */
  built = 0;
  readonly #pending: Promise<unknown>[] = [];
  constructor(readonly previous: ReadonlyMap<string, UnitRecord<S>> = new Map()) {}

  /**
   * The part named `unit`: made by `restore` from the previous build's record when every read it
   * recorded gives the digest it gave then (`digest`, of the reads), otherwise built from inputs
   * that record every read (`track`) and recorded as `store` keeps it. Reads are recorded while
   * `build` runs, before it returns; what it returns may be a promise, and so may what `store`
   * keeps: the record is then in `next` once it resolves (see {@link settled}).
   */
  part<I, T>(
    unit: string,
    {
      inputs,
      track,
      digest,
      build,
      store,
      restore,
    }: {
      inputs: I;
      track: (inputs: I, deps: Set<Dependency>) => I;
      digest: (deps: readonly Dependency[]) => string;
      build: (from: I) => T;
      store: (built: T) => S | Promise<S>;
      restore: (stored: S) => T;
    },
  ): T {
    const previous = this.previous.get(unit);
    if (previous && digest(previous.deps) === previous.digest) {
      this.next.set(unit, previous);
      this.reused++;
      return restore(previous.stored);
    }
    const deps = new Set<Dependency>();
    const built = build(track(inputs, deps));
    const read = [...deps];
    const record = (stored: S) => this.next.set(unit, { deps: read, digest: digest(read), stored });
    const stored = store(built);
    if (stored instanceof Promise) this.#pending.push(stored.then(record));
    else record(stored);
    this.built++;
    return built;
  }

  /** Resolves once every record kept as a promise is in `next`; rejects if one of them failed. */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
