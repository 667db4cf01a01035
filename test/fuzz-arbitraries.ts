// fast-check arbitraries for the route fuzz drill: values shaped by the OpenAPI document's JSON schemas
// (the same zod schemas the handlers parse with), the same values with one part swapped for an edge case
// (NUL, huge, unicode, odd numbers, wrong types, extra keys, deep nesting, empty), and plain garbage.
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
};

type Components = Record<string, JsonSchema>;

// Values a field of this name takes in real requests, so the valid path past the schema is reached too.
const hints: Record<string, fc.Arbitrary<unknown>> = {
  phone: fc.oneof(fc.constantFrom('+14155550123', '+14155550188', '+447700900123', '4155550142', '+19005550100', '+1 (415) 555-0199'), fc.stringMatching(/^\+?[0-9]{1,18}$/)),
  timezone: fc.constantFrom('America/New_York', 'Europe/London', 'UTC', 'Not/AZone', ''),
  region: fc.constantFrom('US', 'GB', 'FL', 'CA', 'ZZ', 'us', ''),
  defaultRegion: fc.constantFrom('US', 'GB', 'ZZ', ''),
  email: fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', 'not-an-email')),
  url: fc.constantFrom('http://127.0.0.1:9/hook', 'https://example.com/hook', 'https://93.184.215.14/hook', 'https://10.0.0.1/x', 'ftp://x', 'not a url'),
  at: fc.oneof(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', 'yesterday')),
};

/** Strings that break things: NUL, control characters, bidi overrides, lone surrogates, emoji, huge. */
export const edgeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u202Eevil', '\uD800', '\uDFFF', '🙂👍🏽', 'Ω≈ç√', '\r\n', '\t', "'; drop table leads; --", '%00', '../..', '=1+1', 'null', 'NaN', '-0', '1e400'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** Numbers at the edges: negative, fractional, huge, past Postgres' integer and JavaScript's safe range. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** `depth` arrays or objects inside one another. */
export const deepNesting = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};

export const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: edgeString, weight: 4 },
  { arbitrary: edgeNumber, weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }, JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: 1 } }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  { arbitrary: fc.constantFrom(33, 40, 1_000).chain((depth) => fc.constantFrom<'array' | 'object'>('array', 'object').map((kind) => deepNesting(depth, kind))), weight: 1 },
);

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = components[s.$ref.replace('#/components/schemas/', '')] ?? {};
  return s;
}

/** A value the schema accepts (mostly: formats and patterns are followed where fast-check can). */
export function fromSchema(schema: JsonSchema | undefined, components: Components, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 2 });
  const s = resolve(schema, components);
  if (name in hints && depth > 0) return fc.oneof({ arbitrary: hints[name], weight: 3 }, { arbitrary: shaped(s, components, depth), weight: 1 });
  return shaped(s, components, depth);
}

function shaped(s: JsonSchema, components: Components, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((u) => fromSchema(u, components, '', depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], components, '', depth + 1);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => shaped({ ...s, type: t }, components, depth)));
  switch (type[0]) {
    case 'string':
      return stringFor(s);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER), max: Math.min(s.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: s.minimum ?? s.exclusiveMinimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(s.items, components, '', depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)) });
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) return fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean()), { maxKeys: 4 });
      const required = new Set(s.required ?? []);
      return fc.record(Object.fromEntries(props.map(([key, value]) => [key, fromSchema(value, components, key, depth + 1)])), {
        requiredKeys: props.map(([key]) => key).filter((key) => required.has(key)),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri') return fc.webUrl();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 10_000));
    } catch {
      // a pattern JavaScript cannot compile: any string
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
}

/** Every position in a JSON value (the root is []), to swap one for an edge case. */
function positions(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (path.length > 8) return out;
  if (Array.isArray(value)) value.forEach((v, i) => positions(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) positions(v, [...path, k], out);
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head as string], rest, replacement) };
}

/** A schema-shaped value with one position (or an extra key) swapped for an edge value. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), edgeValue, fc.oneof(fc.constant(null), edgeString.filter((k) => k.length < 50))).map(([value, pick, edge, extraKey]) => {
    if (extraKey !== null && value && typeof value === 'object' && !Array.isArray(value)) return { ...(value as object), [extraKey]: edge };
    const all = positions(value);
    return replaceAt(value, all[pick % all.length], edge);
  });
}

/** A request body: text to send as is (garbage), or a JSON value to serialise. */
export type FuzzBody = { raw: string } | { json: unknown } | null;

const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,]', 'NaN', 'undefined', '\uFEFF{}', '{"a":1}{"b":2}', '\u0000', '{"name":"\\u0000"}', '{"__proto__":{"x":1}}', '1e400', '"str"', 'null', 'true', '[]', '  ', '{"a":-}'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(5_000, 50_000, 200_000).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.constantFrom(5_000, 50_000).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

/**
 * Bodies the route should accept: mostly its known-good examples (a schema alone rarely meets every cross-field
 * rule), else the schema's own values.
 */
export function validBodyArbitrary(schema: JsonSchema | undefined, components: Components, examples: unknown[] = []): fc.Arbitrary<unknown> {
  const fromDoc = fromSchema(schema, components);
  return examples.length ? fc.oneof({ arbitrary: fc.constantFrom(...examples), weight: 3 }, { arbitrary: fromDoc, weight: 1 }) : fromDoc;
}

/** Bodies for a route whose JSON body has this schema (or none): valid, valid with one part swapped, garbage. */
export function bodyArbitrary(schema: JsonSchema | undefined, components: Components, examples: unknown[] = []): fc.Arbitrary<FuzzBody> {
  const valid = validBodyArbitrary(schema, components, examples);
  return fc.oneof(
    { arbitrary: valid.map((json) => ({ json })), weight: 3 },
    { arbitrary: mutated(valid).map((json) => ({ json })), weight: 5 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })), weight: 1 },
    { arbitrary: garbage.map((raw) => ({ raw })), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
}

const queryText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** A query string the route should accept: some of its parameters, each a schema-shaped value (or `known`'s, e.g. a real id). */
export function validQueryArbitrary(params: { name: string; schema: JsonSchema }[], components: Components, known: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<[string, string][]> {
  const entries = params.map(({ name, schema }) => fc.option((known[name] ?? fromSchema(schema, components, name, 1).map(queryText)).map((v) => [name, v] as [string, string]), { freq: 2 }));
  return fc.tuple(...entries).map((chosen) => chosen.filter((e): e is [string, string] => e !== null));
}

/** A query string's parameters: schema-shaped values as text, edge strings, and extra parameters. */
export function queryArbitrary(params: { name: string; schema: JsonSchema }[], components: Components): fc.Arbitrary<[string, string][]> {
  const entries = params.map(({ name, schema }) =>
    fc.option(fc.oneof({ arbitrary: fromSchema(schema, components, name, 1).map(queryText), weight: 3 }, { arbitrary: edgeString, weight: 2 }, { arbitrary: edgeNumber.map(String), weight: 1 }).map((v) => [name, v] as [string, string]), { freq: 2 }),
  );
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(params.length ? params.map((p) => p.name) : ['x'])), edgeString.filter((k) => k.length < 50)), edgeString), { maxLength: 2 });
  return fc.tuple(fc.tuple(...entries), extra).map(([chosen, more]) => [...chosen.filter((e): e is [string, string] => e !== null), ...more]);
}

/** How often each status answered; with FUZZ_STATS=1, `print` writes it after a drill, to see what the runs reached. */
export function statusTally() {
  const statuses = new Map<string, number>();
  return {
    tally: (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1),
    print: (seed: number) => {
      if (process.env.FUZZ_STATS) process.stdout.write(`fuzz statuses (seed ${seed}):\n${[...statuses].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}\n`);
    },
  };
}
