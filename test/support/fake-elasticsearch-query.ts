/**
 * Query evaluation for the fake Elasticsearch cluster, simple on purpose. It understands:
 * - `match_all`; `bool` with `filter`, `must`, `should` (at least one when there is no must or
 *   filter), `must_not`; `term`/`match` (`{field: value}` or `{field: {value}}`/`{field: {query}}`);
 *   `terms`; `exists`; `range` with gte/gt/lte/lt (dates as epoch ms numbers or digit strings, or
 *   ISO strings);
 * - `query_string` with `field:value`, `field:"quoted value"`, `field:(a OR b)`, `field:*`, values
 *   with `*` wildcards, `AND`, `OR` (also implied between clauses, as Elasticsearch's default
 *   operator), `NOT`, and parentheses.
 * Values compare as text, exactly (a keyword field); an array field matches when any item does.
 * Anything else throws a FakeQueryError, which the server answers with a 400 like the real one.
 */

export class FakeQueryError extends Error {
  override name = 'FakeQueryError';
}

export type Source = Record<string, unknown>;

/** The value at a dotted path, through nested objects or a literal dotted key. */
export function readPath(source: Source, path: string): unknown {
  if (path in source) return source[path];
  let current: unknown = source;
  for (const step of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Source)[step];
  }
  return current;
}

/** Epoch ms of a date value (number, digit string or ISO text); undefined when it is none. */
export function toMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function matchesQuery(source: Source, query: unknown): boolean {
  if (query === undefined) return true;
  const [kind, body] = singleKey(query);
  switch (kind) {
    case 'match_all':
      return true;
    case 'bool':
      return matchesBool(source, body as Source);
    case 'term':
    case 'match': {
      const [field, spec] = singleKey(body);
      const value =
        typeof spec === 'object' && spec !== null ? ((spec as Source).value ?? (spec as Source).query) : spec;
      return valueMatches(readPath(source, field), String(value));
    }
    case 'terms': {
      const [field, values] = singleKey(body);
      if (!Array.isArray(values)) throw new FakeQueryError('[terms] needs a list of values');
      return values.some((value) => valueMatches(readPath(source, field), String(value)));
    }
    case 'exists':
      return readPath(source, String((body as Source).field)) !== undefined;
    case 'range':
      return matchesRange(source, body as Source);
    case 'query_string':
      return evaluateQueryString(source, String((body as Source).query));
    default:
      throw new FakeQueryError(`unknown query [${kind}]`);
  }
}

function singleKey(value: unknown): [string, unknown] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FakeQueryError('query malformed, expected an object');
  }
  const entries = Object.entries(value);
  if (entries.length !== 1) throw new FakeQueryError('query malformed, expected exactly one key');
  return entries[0] as [string, unknown];
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function matchesBool(source: Source, bool: Source): boolean {
  const must = [...list(bool.filter), ...list(bool.must)];
  const should = list(bool.should);
  if (!must.every((clause) => matchesQuery(source, clause))) return false;
  if (list(bool.must_not).some((clause) => matchesQuery(source, clause))) return false;
  return should.length === 0 || must.length > 0 || should.some((clause) => matchesQuery(source, clause));
}

function matchesRange(source: Source, range: Source): boolean {
  const [field, bounds] = singleKey(range);
  const value = toMillis(readPath(source, field));
  if (value === undefined) return false;
  const b = bounds as Source;
  const bound = (key: string) => (b[key] === undefined ? undefined : toMillis(b[key]));
  const [gte, gt, lte, lt] = [bound('gte'), bound('gt'), bound('lte'), bound('lt')];
  return (
    (gte === undefined || value >= gte) &&
    (gt === undefined || value > gt) &&
    (lte === undefined || value <= lte) &&
    (lt === undefined || value < lt)
  );
}

function valueMatches(fieldValue: unknown, expected: string): boolean {
  if (fieldValue === undefined || fieldValue === null) return false;
  if (Array.isArray(fieldValue)) return fieldValue.some((item) => valueMatches(item, expected));
  const text = String(fieldValue);
  if (!expected.includes('*')) return text === expected;
  return wildcardPattern(expected).test(text);
}

/** A RegExp matching whole texts against `pattern`, whose `*` matches any run of characters. */
export function wildcardPattern(pattern: string): RegExp {
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

// ---- query_string --------------------------------------------------------------------------

type Token = { kind: 'word' | 'quoted' | '(' | ')' | ':'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')' || char === ':') {
      tokens.push({ kind: char, text: char });
      i++;
    } else if (char === '"') {
      const end = text.indexOf('"', i + 1);
      if (end === -1) throw new FakeQueryError(`Failed to parse query [${text}]`);
      tokens.push({ kind: 'quoted', text: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s():"]/.test(text[j] as string)) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

type Predicate = (source: Source) => boolean;

function evaluateQueryString(source: Source, text: string): boolean {
  const tokens = tokenize(text);
  let at = 0;
  const fail = (): never => {
    throw new FakeQueryError(`Failed to parse query [${text}]`);
  };
  const peek = () => tokens[at];
  const isWord = (word: string) => peek()?.kind === 'word' && peek()?.text === word;

  const parseOr = (inValues: string | undefined): Predicate => {
    const parts = [parseAnd(inValues)];
    while (at < tokens.length && peek()?.kind !== ')') {
      if (isWord('OR')) at++;
      parts.push(parseAnd(inValues));
    }
    return (s) => parts.some((part) => part(s));
  };
  const parseAnd = (inValues: string | undefined): Predicate => {
    const parts = [parseUnary(inValues)];
    while (isWord('AND')) {
      at++;
      parts.push(parseUnary(inValues));
    }
    return (s) => parts.every((part) => part(s));
  };
  const parseUnary = (field: string | undefined): Predicate => {
    if (isWord('NOT')) {
      at++;
      const inner = parseUnary(field);
      return (s) => !inner(s);
    }
    const token = tokens[at++] ?? fail();
    if (token.kind === '(') {
      const inner = parseOr(field);
      if (tokens[at++]?.kind !== ')') fail();
      return inner;
    }
    if (token.kind !== 'word' && token.kind !== 'quoted') return fail();
    if (field !== undefined) return valuePredicate(field, token);
    if (token.kind === 'word' && token.text === '*') return () => true;
    if (token.kind !== 'word' || tokens[at]?.kind !== ':') {
      throw new FakeQueryError(`the fake understands only field:value terms, not [${token.text}]`);
    }
    at++;
    if (peek()?.kind === '(') {
      at++;
      const inner = parseOr(token.text);
      if (tokens[at++]?.kind !== ')') fail();
      return inner;
    }
    return valuePredicate(token.text, tokens[at++] ?? fail());
  };
  const valuePredicate = (field: string, token: Token): Predicate => {
    if (token.kind !== 'word' && token.kind !== 'quoted') return fail();
    if (token.kind === 'word' && token.text === '*') return (s) => readPath(s, field) !== undefined;
    return (s) => valueMatches(readPath(s, field), token.text);
  };

  const predicate = parseOr(undefined);
  if (at !== tokens.length) fail();
  return predicate(source);
}
