import fc from 'fast-check';

/**
 * Arbitraries for the mutations' arguments. Every drawn value carries a verdict: what the service must do
 * with it on its own. `valid` must be accepted, `invalid` must be refused with an error naming its field,
 * `either` may go both ways (but never as a 500). The verdicts follow the schema's documentation and the
 * documented limits, not the implementation, so that a property can catch the code disagreeing with them.
 */
export type Verdict = 'valid' | 'invalid' | 'either';

export interface Drawn {
  value: unknown;
  verdict: Verdict;
  /** What kind of value this is, for the counterexample and the statistics. */
  kind: string;
}

/** A value the test fills in at run time: a fixture created for this run, a fresh e-mail or number. */
export class Ref {
  constructor(
    readonly name: string,
    readonly variant: string = 'as-is',
  ) {}
  [fc.toStringMethod](): string {
    return `Ref(${this.name}${this.variant === 'as-is' ? '' : `, ${this.variant}`})`;
  }
}

/** Counterexamples print huge strings shortened, so that a failure stays readable. */
export function preview(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 120 ? `${value.slice(0, 60)}…${value.slice(-20)}` : value;
    return `${JSON.stringify(shown)}${value.length > 120 ? ` (${value.length} chars)` : ''}`;
  }
  if (value instanceof Ref) return value[fc.toStringMethod]();
  if (Array.isArray(value)) return `[${value.map(preview).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${preview(v)}`).join(', ')}}`;
  return String(value);
}

export function drawn(value: unknown, verdict: Verdict, kind: string): Drawn {
  return {
    value,
    verdict,
    kind,
    [fc.toStringMethod]: () => `${kind}:${verdict}=${preview(value)}`,
  } as Drawn;
}

// ---------------------------------------------------------------------------------------------------
// Hostile text

export const CYPHER_INJECTIONS = [
  "x'}) MATCH (n) DETACH DELETE n //",
  'x"}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 //",
  "'; MATCH (n) SET n.name = 'pwned' //",
  '$param',
  '$id',
  '{id: $id}',
  '`Organization`',
  'n`) DETACH DELETE n //',
  "\\' RETURN 1 //",
  "'); CALL db.labels() YIELD label RETURN label //",
  'MATCH (n) RETURN n LIMIT 1',
  "CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {})",
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  '/* comment */ RETURN 1',
  '} ] ) ; //',
  'x\\u0027y',
  "name: 'x', status: 'VERIFIED'",
];

export const HTML_INJECTIONS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '&lt;b&gt;fet&lt;/b&gt;',
  '&amp;&#x27;&#39;',
  '<!-- kommentar -->',
  'javascript:alert(1)',
  '<a href="javascript:alert(\'x\')">klicka</a>',
  '</textarea><script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '%3Cscript%3E',
  '<b>Föreningen</b> & <i>vänner</i>',
];

export const UNICODE_TEXTS = [
  'Åsa Öberg-Ärlig',
  'Föreningen Ängens Vänner',
  'Idrott 😀🎉 för alla',
  '👩‍👩‍👧‍👦 familjeträff',
  '\u200fשלום עולם\u200f',
  'abc\u202eevil\u202cdef',
  'مرحبا بالعالم',
  '中文 日本語 한국어',
  'Cafe\u0301 och kaffe',
  'noll\u200bbredd',
  'hårt\u00a0mellanslag',
  '🇸🇪 Sverige',
  'Ω≈ç√∫ ʇxǝʇ',
  'rad\u2028avskiljare',
  'ﬁ ligatur ＡＢＣ',
];

export const CONTROL_CHARACTERS = [...Array(32).keys()].map((code) => String.fromCharCode(code)).concat('\u007f');
/** The ones the service refuses in names and addresses; tab, line feed and carriage return it allows. */
export const FORBIDDEN_CONTROLS = CONTROL_CHARACTERS.filter((c) => !'\t\n\r'.includes(c));
const hasForbiddenControl = (text: string) => [...text].some((c) => FORBIDDEN_CONTROLS.includes(c));

const letters = 'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789-.,';
const word = fc.string({ unit: fc.constantFrom(...letters.split('')), minLength: 2, maxLength: 12 });

/** A piece of hostile or ordinary text with nothing at its ends that trim() would remove. */
export const hostilePiece = fc.oneof(
  { arbitrary: word, weight: 2 },
  { arbitrary: fc.constantFrom(...CYPHER_INJECTIONS), weight: 3 },
  { arbitrary: fc.constantFrom(...HTML_INJECTIONS), weight: 3 },
  { arbitrary: fc.constantFrom(...UNICODE_TEXTS), weight: 3 },
);

/** Text made of hostile pieces, at most `max` UTF-16 units, at least `min` after trimming. */
export function hostileText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .array(hostilePiece, { minLength: 1, maxLength: 4 })
    .map((pieces) => pieces.join(' '))
    .map((text) => (text.length > max ? text.slice(0, max).trimEnd() : text))
    .filter((text) => text.trim().length >= min && text.length <= max && !/[\uD800-\uDBFF]$/.test(text) && text.trim() === text);
}

/**
 * A huge string: 10 000 to 200 000 characters, cut so that its JSON stays within `maxBytes`
 * (the service takes request bodies up to 1 MB, so that an oversized field reaches validation and is
 * named; test/http/http-security.test.ts sends a body beyond that).
 */
export function hugeText(maxBytes: number, minLength = 10_000): fc.Arbitrary<string> {
  return fc
    .record({
      unit: fc.constantFrom('x', 'Lorem ipsum ', 'å', '😀', "x'}) DETACH DELETE n // ", '<script>alert(1)</script>', 'a\u0000'),
      length: fc.integer({ min: minLength, max: 200_000 }),
    })
    .map(({ unit, length }) => {
      const unitBytes = Buffer.byteLength(JSON.stringify(unit)) - 2;
      const count = Math.max(1, Math.min(Math.ceil(length / unit.length), Math.floor(maxBytes / unitBytes)));
      return unit.repeat(count);
    });
}

const wrongScalar = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((n) => !Number.isInteger(n)),
  fc.boolean(),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { minKeys: 0, maxKeys: 3 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { minLength: 1, maxLength: 3 }),
);

/** A value of the wrong GraphQL type for a String, Boolean or enum: graphql-js refuses it while coercing variables. */
export const wrongType = wrongScalar.map((value) => drawn(value, 'invalid', 'wrong-type'));

// ---------------------------------------------------------------------------------------------------
// Fields

export interface TextSpec {
  min: number;
  max: number;
  /** `forbidden`: the documented rule that names and descriptions hold no control characters except line breaks. */
  controls: 'forbidden' | 'free';
  nullable?: boolean;
  optional?: boolean;
}

function withControl(text: string, control: string, at: number): string {
  const chars = [...text];
  const position = 1 + (at % Math.max(1, chars.length - 1));
  return [...chars.slice(0, position), control, ...chars.slice(position)].join('');
}

/** The verdict for a string the service trims, measures and may check for control characters. */
export function textVerdict(spec: TextSpec, text: string): Verdict {
  const trimmed = text.trim();
  // Characters are code points: an emoji is one character, though two UTF-16 units.
  const length = [...trimmed].length;
  if (length < spec.min || length > spec.max) return 'invalid';
  if (spec.controls === 'forbidden' && hasForbiddenControl(trimmed)) return 'invalid';
  if ([...trimmed].some((c) => CONTROL_CHARACTERS.includes(c))) return 'either';
  return 'valid';
}

export function textField(spec: TextSpec, hugeBytes = 30_000): fc.Arbitrary<Drawn> {
  const fitting = hostileText(Math.max(spec.min, 1), Math.min(spec.max, 160));
  const options: { arbitrary: fc.Arbitrary<Drawn>; weight: number }[] = [
    { arbitrary: fitting.map((text) => drawn(text, textVerdict(spec, text), 'hostile-text')), weight: 8 },
    {
      arbitrary: fc
        .tuple(fitting, fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', ' \r\n'), fc.constantFrom(' ', '\n', '\u00a0'))
        .map(([text, before, after]) => drawn(before + text + after, textVerdict(spec, text), 'padded-text')),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fitting, fc.constantFrom(...CONTROL_CHARACTERS), fc.nat())
        .map(([text, control, at]) => {
          const value = withControl(text, control, at);
          return drawn(value, textVerdict(spec, value), 'control-character');
        }),
      weight: 3,
    },
    {
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 0, maxLength: 30 })
        .map((text) => drawn(text, textVerdict(spec, text), 'random-unicode')),
      weight: 2,
    },
    { arbitrary: hugeText(hugeBytes).map((text) => drawn(text, textVerdict(spec, text), 'huge')), weight: 2 },
    { arbitrary: fc.constantFrom('', ' ', '\n\t ').map((text) => drawn(text, textVerdict(spec, text), 'blank')), weight: 1 },
    {
      arbitrary: fc.constantFrom(spec.max, spec.max + 1).map((length) => {
        const text = 'å'.repeat(length);
        return drawn(text, textVerdict(spec, text), length > spec.max ? 'just-too-long' : 'longest');
      }),
      weight: 1,
    },
    { arbitrary: wrongType, weight: 2 },
    { arbitrary: fc.constant(drawn(null, spec.nullable ? 'valid' : 'invalid', 'null')), weight: 1 },
  ];
  if (spec.min >= 2) {
    options.push({ arbitrary: fc.constantFrom('a', 'ö', '😀').map((t) => drawn(t, textVerdict(spec, t), 'too-short')), weight: 1 });
  }
  options.push({ arbitrary: fc.constant(drawn(undefined, spec.optional ? 'valid' : 'invalid', 'missing')), weight: spec.optional ? 4 : 1 });
  return fc.oneof(...options);
}

/** Only text the service must accept and keep as sent: hostile, HTML and Unicode, nothing to trim. */
export function verbatimText(min: number, max: number): fc.Arbitrary<string> {
  return hostileText(min, max).filter((text) => !hasForbiddenControl(text));
}

// Ids ----------------------------------------------------------------------------------------------

export const MALFORMED_IDS = [
  '',
  ' ',
  'not-a-uuid',
  '123',
  '0',
  '00000000-0000-0000-0000-00000000000g',
  '00000000000000000000000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000-0000-4000-8000-0000000000000',
  'null',
  'undefined',
  '../../etc/passwd',
];

/**
 * An ID argument: one of the given references (fixtures, each with its verdict), a well-formed UUID
 * that names nothing, a malformed id, an integer (which GraphQL coerces to an ID string), wrong types.
 */
export function idField(refs: { ref: Ref; verdict: Verdict; weight?: number }[], hugeBytes = 30_000): fc.Arbitrary<Drawn> {
  const knownRef = fc.constantFrom(...refs.filter((r) => r.verdict !== 'invalid').map((r) => r.ref.name));
  return fc.oneof(
    ...refs.map(({ ref, verdict, weight }) => ({ arbitrary: fc.constant(drawn(ref, verdict, `ref:${ref.name}`)), weight: weight ?? 6 })),
    { arbitrary: fc.uuid().map((id) => drawn(id, 'invalid', 'unknown-uuid')), weight: 3 },
    { arbitrary: fc.constantFrom(...MALFORMED_IDS).map((id) => drawn(id, 'invalid', 'malformed-id')), weight: 2 },
    {
      arbitrary: fc
        .tuple(knownRef, fc.constantFrom('upper', 'padded', 'newline', 'braces', 'no-dashes', 'truncated'))
        .map(([name, variant]) => drawn(new Ref(name, variant), 'invalid', 'mangled-id')),
      weight: 2,
    },
    {
      arbitrary: fc.oneof(fc.constantFrom(...CYPHER_INJECTIONS, ...HTML_INJECTIONS), fc.string({ unit: 'grapheme', maxLength: 40 })).map((id) =>
        drawn(id, 'invalid', 'hostile-id'),
      ),
      weight: 2,
    },
    { arbitrary: hugeText(hugeBytes).map((id) => drawn(id, 'invalid', 'huge-id')), weight: 1 },
    { arbitrary: fc.integer().map((id) => drawn(id, 'invalid', 'integer-id')), weight: 1 },
    {
      arbitrary: fc
        .oneof(fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)), fc.array(fc.uuid(), { minLength: 1, maxLength: 2 }), fc.constant({ id: 'x' }))
        .map((id) => drawn(id, 'invalid', 'wrong-type')),
      weight: 1,
    },
    { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
  );
}

/** A reference's mangled forms, all of which must be refused as ids. */
export function mangleId(id: string, variant: string): string {
  switch (variant) {
    case 'upper':
      return id.toUpperCase();
    case 'padded':
      return ` ${id} `;
    case 'newline':
      return `${id}\n`;
    case 'braces':
      return `{${id}}`;
    case 'no-dashes':
      return id.replaceAll('-', '');
    case 'truncated':
      return id.slice(0, -1);
    default:
      return id;
  }
}

export function booleanField(): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.boolean().map((b) => drawn(b, 'valid', 'boolean')), weight: 8 },
    { arbitrary: fc.constantFrom('true', 'false', 1, 0, 'yes', [], {}, [true]).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 2 },
    { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
  );
}

/** A field that may be left out or be null: the given field's other values, and those two as valid. */
export function optionalField(field: fc.Arbitrary<Drawn>): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: field.filter((d) => d.value !== null && d.value !== undefined), weight: 5 },
    { arbitrary: fc.constant(drawn(null, 'valid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, 'valid', 'missing')), weight: 2 },
  );
}

export const INITIATIVE_KINDS = ['PROJECT', 'PROGRAMME', 'AGREEMENT', 'DECLARATION', 'NETWORK', 'ACTIVITY'] as const;
/** The kinds of actor an organisation may be; ROLE_MODEL and PERSON are people. */
export const ORGANIZATION_KINDS = ['ASSOCIATION', 'AUTHORITY', 'MUNICIPAL_UNIT', 'BUSINESS'] as const;
export const ACCOUNT_ROLES = ['ADMIN', 'STRATEGIST', 'ASSOCIATION', 'RESEARCHER'] as const;
export const PARTICIPATION_ROLES = ['LEAD', 'CO_APPLICANT', 'PARTNER', 'FUNDER', 'SIGNATORY', 'MEMBER', 'CONTACT', 'IMPLEMENTING'] as const;

export function enumField(values: readonly string[], { optional = false, nullable = false } = {}): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...values).map((v) => drawn(v, 'valid', 'enum')), weight: 8 },
    {
      arbitrary: fc
        .oneof(
          fc.constantFrom(...values).map((v) => v.toLowerCase()),
          fc.constantFrom(...values).map((v) => ` ${v}`),
          fc.constantFrom('BOSS', '', 'LEAD; DROP', ...CYPHER_INJECTIONS.slice(0, 4), ...HTML_INJECTIONS.slice(0, 2)),
        )
        .map((v) => drawn(v, 'invalid', 'bad-enum')),
      weight: 2,
    },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: fc.constant(drawn(null, nullable ? 'valid' : 'invalid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, optional ? 'valid' : 'invalid', 'missing')), weight: optional ? 3 : 1 },
  );
}

// Dates ---------------------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

const validDay = fc
  .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

export const validPartialDate = fc.oneof(
  validDay.map(({ y }) => `${y}`),
  validDay.map(({ y, m }) => `${y}-${pad(m)}`),
  validDay.map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('2024-02-29', '2000-02-29', '2020-12-31', '1999-01-01'),
);

export const MALFORMED_PARTIAL_DATES = [
  '2020-13',
  '2020-00',
  '2021-02-29',
  '1900-02-29',
  '2020-09-31',
  '2020-04-31',
  '2020-01-00',
  '20',
  '202',
  '20201',
  '2020-1-1',
  '2020-9',
  '2020-09-8',
  '2020/09/08',
  '2020.09.08',
  '08-09-2020',
  '2020-09-08T00:00:00Z',
  '2020-W05',
  '2020-366',
  ' 2020',
  '2020 ',
  '2020\n',
  '-2020',
  '+2020',
  '',
  'idag',
  '２０２０',
];

/** A Date (year, year-month or day), as a nullable, optional input field. */
export function partialDateField(): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: validPartialDate.map((d) => drawn(d, 'valid', 'partial-date')), weight: 6 },
    { arbitrary: fc.constantFrom(...MALFORMED_PARTIAL_DATES).map((d) => drawn(d, 'invalid', 'malformed-date')), weight: 4 },
    {
      arbitrary: fc
        .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 99 }), d: fc.integer({ min: 0, max: 99 }) })
        .map(({ y, m, d }) => {
          const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
          const possible = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
          // Years before 1000 are ISO dates too, but nothing needs them: either answer will do.
          return drawn(text, !possible ? 'invalid' : y < 1000 ? 'either' : 'valid', 'random-day');
        }),
      weight: 3,
    },
    { arbitrary: fc.constantFrom('0000', '0000-02-29', '0004-02-29', '0001-01-01', '9999-12-31').map((d) => drawn(d, 'either', 'edge-year')), weight: 1 },
    { arbitrary: fc.constantFrom(...CYPHER_INJECTIONS, ...HTML_INJECTIONS).map((d) => drawn(d, 'invalid', 'hostile-date')), weight: 1 },
    { arbitrary: hugeText(20_000).map((d) => drawn(d, 'invalid', 'huge-date')), weight: 1 },
    { arbitrary: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.boolean(), fc.constant([2020, 9])).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'valid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, 'valid', 'missing')), weight: 3 },
  );
}

/** The first and last day a partial date covers, computed here independently of the service. */
export function coveredDays(text: string): { first: string; last: string } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  if (!match[2]) return { first: `${match[1]}-01-01`, last: `${match[1]}-12-31` };
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  if (!match[3]) return { first: `${match[1]}-${match[2]}-01`, last: `${match[1]}-${match[2]}-${pad(daysIn(y, m))}` };
  const d = Number(match[3]);
  return d >= 1 && d <= daysIn(y, m) ? { first: text, last: text } : null;
}

const offset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** A DateTime "with a zone", as a nullable, optional input field. */
export function dateTimeField(): fc.Arbitrary<Drawn> {
  const moment = fc.record({
    day: validDay.filter(({ y }) => y >= 1970),
    h: fc.integer({ min: 0, max: 23 }),
    min: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  });
  const base = ({ day, h, min, s }: { day: { y: number; m: number; d: number }; h: number; min: number; s: number }) =>
    `${day.y}-${pad(day.m)}-${pad(day.d)}T${pad(h)}:${pad(min)}:${pad(s)}`;
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(moment, fc.oneof(fc.constant('Z'), fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => offset(q * 15))), fc.option(fc.integer({ min: 1, max: 3 })))
        .map(([m, zone, digits]) => drawn(`${base(m)}${digits ? `.${'5'.repeat(digits)}` : ''}${zone}`, 'valid', 'date-time')),
      weight: 6,
    },
    {
      // ISO 8601 says nothing of how many fraction digits, nor of offsets beyond ±14:00: either answer, but no 500.
      arbitrary: fc
        .tuple(moment, fc.integer({ min: 4, max: 15 }), fc.oneof(fc.constant('Z'), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }).map(offset)))
        .map(([m, digits, zone]) => drawn(`${base(m)}.${'1234567890123456'.slice(0, digits)}${zone}`, 'either', 'date-time-edge')),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(moment, fc.integer({ min: 14 * 60 + 1, max: 23 * 60 + 59 }), fc.boolean())
        .map(([m, minutes, negative]) => drawn(`${base(m)}${offset(negative ? -minutes : minutes)}`, 'either', 'far-offset')),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom('2020-01-01T10:00Z', '2020-01-01t10:00:00z', '0000-01-01T00:00:00Z', '2020-01-01T10:00:00+0100', '2020-01-01T23:59:60Z')
        .map((t) => drawn(t, 'either', 'odd-date-time')),
      weight: 1,
    },
    {
      arbitrary: fc
        .constantFrom(
          'igår',
          '2021-02-29T10:00:00Z',
          '2020-13-01T00:00:00Z',
          '2020-01-01T24:00:01Z',
          '2020-01-01T10:00:00',
          '2020-01-01',
          '10:00:00Z',
          '2020-01-01 10:00:00',
          'Wed, 01 Jan 2020 10:00:00 GMT',
          '1577872800000',
          '',
          '2020-02-30T10:00:00Z',
        )
        .map((t) => drawn(t, 'invalid', 'malformed-date-time')),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...CYPHER_INJECTIONS, ...HTML_INJECTIONS).map((t) => drawn(t, 'invalid', 'hostile-date-time')), weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant({ at: 'now' })).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'valid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, 'valid', 'missing')), weight: 2 },
  );
}

// Reference data ------------------------------------------------------------------------------------

export const THEME_KEYS = ['motesplatser', 'forebilder', 'forebyggande', 'jamlikhet', 'andt', 'trygghet', 'integration', 'fritid', 'halsa'];

export function themesField(options: { nullable: boolean; optional: boolean }): fc.Arbitrary<Drawn> {
  const keys = fc.constantFrom(...THEME_KEYS);
  return fc.oneof(
    { arbitrary: fc.uniqueArray(keys, { maxLength: 4 }).map((list) => drawn(list, 'valid', 'themes')), weight: 6 },
    { arbitrary: keys.map((key) => drawn(key, 'valid', 'single-theme-as-list')), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.uniqueArray(keys, { maxLength: 2 }), fc.constantFrom('golf', 'FRITID', ' fritid', '', ...CYPHER_INJECTIONS.slice(0, 3), HTML_INJECTIONS[0]!))
        .map(([list, bad]) => drawn([...list, bad], 'invalid', 'unknown-theme')),
      weight: 2,
    },
    { arbitrary: fc.constant(drawn(Array.from({ length: 21 }, (_, i) => THEME_KEYS[i % THEME_KEYS.length]), 'invalid', 'too-many-themes')), weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant([1, 2]), fc.constant({ key: 'fritid' }), fc.constant([null])).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, options.nullable ? 'valid' : 'invalid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, options.optional ? 'valid' : 'invalid', 'missing')), weight: options.optional ? 4 : 1 },
  );
}

/** Kommun codes that belong to this file: Storuman and Sorsele. */
export const OWN_MUNICIPALITIES = ['2421', '2422'] as const;
const BAD_MUNICIPALITIES = ['9999', '0000', '2422 ', ' 2421', '02422', '242', 'Sorsele', '', ...CYPHER_INJECTIONS.slice(0, 3)];

export function municipalityField(): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...OWN_MUNICIPALITIES).map((code) => drawn(code, 'valid', 'municipality')), weight: 6 },
    { arbitrary: fc.constantFrom(...BAD_MUNICIPALITIES).map((code) => drawn(code, 'invalid', 'unknown-municipality')), weight: 2 },
    { arbitrary: fc.oneof(fc.constant(2422), fc.boolean(), fc.constant(['2422'])).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
  );
}

export interface MunicipalitiesSpec {
  /** The file's own kommuner, which every valid list is drawn from. */
  codes?: readonly string[];
  /** 1 where the list must name a kommun, 0 where an empty list is fine. */
  min?: 0 | 1;
  optional?: boolean;
  nullable?: boolean;
}

export function municipalitiesField({ codes = OWN_MUNICIPALITIES, min = 1, optional = true, nullable = false }: MunicipalitiesSpec = {}): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1 }).map((list) => drawn(list, 'valid', 'municipalities')), weight: 4 },
    { arbitrary: fc.constant(drawn([], min === 0 ? 'valid' : 'invalid', 'no-municipality')), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 1 }), fc.constantFrom(...BAD_MUNICIPALITIES))
        .map(([list, bad]) => drawn([...list, bad], 'invalid', 'unknown-municipality')),
      weight: 2,
    },
    { arbitrary: fc.constant(drawn(Array.from({ length: 51 }, () => codes[0]), 'invalid', 'too-many-municipalities')), weight: 1 },
    { arbitrary: fc.oneof(fc.constant(2422), fc.boolean(), fc.constant({ code: '2422' })).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, nullable ? 'valid' : 'invalid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, optional ? 'valid' : 'invalid', 'missing')), weight: optional ? 6 : 1 },
  );
}

const BAD_COUNTIES = ['99', '00', '023', '2', ' 23', 'Jämtland', '', ...CYPHER_INJECTIONS.slice(0, 2)];

/** A län code, as a nullable, optional input field; `codes` are the valid ones to draw. */
export function countyField(codes: readonly string[]): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...codes).map((code) => drawn(code, 'valid', 'county')), weight: 4 },
    { arbitrary: fc.constantFrom(...BAD_COUNTIES).map((code) => drawn(code, 'invalid', 'unknown-county')), weight: 2 },
    { arbitrary: fc.oneof(fc.constant(23), fc.boolean(), fc.constant(['23'])).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'valid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, 'valid', 'missing')), weight: 4 },
  );
}

// Registration fields -------------------------------------------------------------------------------

/** Organisationsnummer: fresh valid ones are made at run time (`Ref('freshNumber')`), so that they are unique. */
export function organizationNumberField(): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.constantFrom('dashed', 'digits', 'padded').map((v) => drawn(new Ref('freshNumber', v), 'valid', 'fresh-number')), weight: 7 },
    { arbitrary: fc.constantFrom('dashed', 'digits').map((v) => drawn(new Ref('takenNumber', v), 'invalid', 'taken-number')), weight: 1 },
    { arbitrary: fc.constant(drawn(new Ref('freshNumber', 'bad-check-digit'), 'invalid', 'bad-check-digit')), weight: 1 },
    {
      arbitrary: fc
        .constantFrom('900101-0017', '19900101-0017', '802002-5429', '80200254', '802002-54290', 'abcdef-ghij', '802002_5420', '', '000000-0000', ...CYPHER_INJECTIONS.slice(0, 3))
        .map((n) => drawn(n, n === '000000-0000' ? 'either' : 'invalid', 'malformed-number')),
      weight: 2,
    },
    { arbitrary: hugeText(20_000).map((n) => drawn(n, 'invalid', 'huge-number')), weight: 1 },
    { arbitrary: fc.oneof(fc.constant(8020025420), fc.boolean(), fc.constant(['802002-5420'])).map((v) => drawn(v, 'invalid', 'wrong-type')), weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
  );
}

/** A number as a Ref's variant asks for it: with or without its dash, padded, or with a wrong check digit. */
export function numberVariant(number: string, variant: string): string {
  if (variant === 'digits') return number.replace('-', '');
  if (variant === 'padded') return ` ${number} `;
  if (variant === 'bad-check-digit') return number.slice(0, -1) + String((Number(number.slice(-1)) + 1) % 10);
  return number;
}

export function emailField(options: { nullable: boolean; optional: boolean; fresh: boolean }): fc.Arbitrary<Drawn> {
  const valid = options.fresh
    ? fc.constantFrom('plain', 'upper', 'padded').map((v) => drawn(new Ref('freshEmail', v), 'valid', 'fresh-email'))
    : fc.constantFrom('kontakt@example.org', 'Info.Förening@example.org'.replace('ö', 'o'), 'a+tagg@example.se', " o'brien@example.org ").map((e) => drawn(e, 'valid', 'email'));
  const options_: { arbitrary: fc.Arbitrary<Drawn>; weight: number }[] = [
    { arbitrary: valid, weight: 7 },
    {
      arbitrary: fc
        .constantFrom(
          'inte-en-adress',
          'a@',
          '@example.org',
          'a@b',
          'a b@example.org',
          'a..b@example.org',
          '<script>@example.org',
          "x'}) MATCH (n) DETACH DELETE n //@example.org",
          'a@example.org\u0000',
          'a@exa\nmple.org',
          `${'a'.repeat(250)}@example.org`,
          '',
        )
        .map((e) => drawn(e, 'invalid', 'malformed-email')),
      weight: 2,
    },
    { arbitrary: fc.constantFrom('åsa@exempel.se', '"citat"@example.org', 'a@[127.0.0.1]').map((e) => drawn(e, 'either', 'odd-email')), weight: 1 },
    { arbitrary: hugeText(20_000).map((e) => drawn(`${e}@example.org`, 'invalid', 'huge-email')), weight: 1 },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: fc.constant(drawn(null, options.nullable ? 'valid' : 'invalid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, options.optional ? 'valid' : 'invalid', 'missing')), weight: options.optional ? 4 : 1 },
  ];
  if (options.fresh) options_.push({ arbitrary: fc.constantFrom('plain', 'upper').map((v) => drawn(new Ref('takenEmail', v), 'invalid', 'taken-email')), weight: 1 });
  return fc.oneof(...options_);
}

/** An e-mail as a Ref's variant asks for it: in capitals or padded, both of which name the same account. */
export function emailVariant(email: string, variant: string): string {
  return variant === 'upper' ? email.toUpperCase() : variant === 'padded' ? `  ${email} ` : email;
}

export function passwordField(): fc.Arbitrary<Drawn> {
  const letterRun = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäö'.split('')), minLength: 8, maxLength: 40 });
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(letterRun, fc.constantFrom('-2024', '!!', ' 42', '😀😀', "'}) //", '<b>', '\u0000x9'), letterRun)
        .map(([a, b, c]) => drawn(`${a}${b}${c}`, 'valid', 'password')),
      weight: 7,
    },
    { arbitrary: fc.constantFrom('kort1', 'abc-123', '12345678901').map((p) => drawn(p, 'invalid', 'short-password')), weight: 1 },
    { arbitrary: fc.constantFrom('barabokstaverhar', '123456789012345', '!!!!!!!!!!!!!!!!').map((p) => drawn(p, 'invalid', 'unmixed-password')), weight: 1 },
    { arbitrary: fc.constantFrom(201, 5_000, 30_000).map((n) => drawn(`${'ab1'.repeat(n)}`.slice(0, Math.max(n, 201)), 'invalid', 'long-password')), weight: 1 },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'invalid', 'null')), weight: 1 },
  );
}

export function phoneField(): fc.Arbitrary<Drawn> {
  return fc.oneof(
    { arbitrary: fc.constantFrom('0950-123 45', '+46 70 123 45 67', '070-1234567', ' 0951-140 00 ', '09501234').map((p) => drawn(p, 'valid', 'phone')), weight: 4 },
    {
      arbitrary: fc
        .constantFrom('ring mig', '12', '+', '0950\u0000123', '0950-123\u000745', '<script>alert(1)</script>', "0950' OR 1=1 //", '٠٩٥٠١٢٣٤٥', '')
        .map((p) => drawn(p, 'invalid', 'malformed-phone')),
      weight: 2,
    },
    { arbitrary: fc.constant(drawn(`0950-${'1'.repeat(40)}`, 'invalid', 'long-phone')), weight: 1 },
    { arbitrary: hugeText(20_000).map((p) => drawn(p, 'invalid', 'huge-phone')), weight: 1 },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: fc.constant(drawn(null, 'valid', 'null')), weight: 1 },
    { arbitrary: fc.constant(drawn(undefined, 'valid', 'missing')), weight: 3 },
  );
}

/**
 * A SourceInput: a new source with a title and a url or a publisher, or none at all (`missing`, whose
 * verdict the caller sets: only an organisation's edit of its own profile may leave it out); or one that
 * breaks a rule (no title, a url that is not http(s), an id together with a title, a malformed id).
 * With `existing`, also an existing source by id (`Ref('existingSource')`) and an id that names none.
 */
export function sourceField(missing: Verdict, { existing = false } = {}): fc.Arbitrary<Drawn> {
  const options: { arbitrary: fc.Arbitrary<Drawn>; weight: number }[] = [
    { arbitrary: fc.constant(drawn(undefined, missing, 'missing')), weight: 2 },
    {
      arbitrary: fc
        .constantFrom({ title: 'Protokoll från referensgruppen', publisher: 'Sorsele kommun' }, { title: 'Kommunens webbsida', url: 'https://example.org/sida', published: '2025-03' })
        .map((source) => drawn(source, 'valid', 'new-source')),
      weight: 6,
    },
    {
      arbitrary: fc
        .constantFrom(
          { publisher: 'Sorsele kommun' },
          { title: 'Sida', url: 'javascript:alert(1)' },
          { title: 'Sida', url: 'ftp://example.org/fil' },
          { title: 'Utan ursprung' },
          { id: '00000000-0000-4000-8000-000000000000', title: 'Båda' },
          { id: 'inte-ett-id' },
          { title: 'x'.repeat(301), publisher: 'Sorsele kommun' },
        )
        .map((source) => drawn(source, 'invalid', 'bad-source')),
      weight: 2,
    },
  ];
  if (existing) {
    options.push(
      { arbitrary: fc.constant(drawn({ id: new Ref('existingSource') }, 'valid', 'existing-source')), weight: 2 },
      { arbitrary: fc.uuid().map((id) => drawn({ id }, 'invalid', 'unknown-source')), weight: 1 },
    );
  }
  return fc.oneof(...options);
}

// Whole arguments -------------------------------------------------------------------------------------

/** The arguments of one call: variables (with Refs still in them) and the verdict of every field path. */
export interface Case {
  variables: Record<string, unknown>;
  verdicts: Record<string, Verdict>;
  kinds: Record<string, string>;
}

/** Builds a case from top-level variables, some of which are input objects made of drawn fields. */
export function buildCase(top: Record<string, Drawn | { fields: Record<string, Drawn>; extra?: Drawn | null; whole?: Drawn | null }>): Case {
  const variables: Record<string, unknown> = {};
  const verdicts: Record<string, Verdict> = {};
  const kinds: Record<string, string> = {};
  for (const [name, entry] of Object.entries(top)) {
    if ('fields' in entry) {
      if (entry.whole) {
        variables[name] = entry.whole.value;
        verdicts[name] = entry.whole.verdict;
        kinds[name] = entry.whole.kind;
        continue;
      }
      const object: Record<string, unknown> = {};
      for (const [field, d] of Object.entries(entry.fields)) {
        if (d.value !== undefined) object[field] = d.value;
        verdicts[`${name}.${field}`] = d.verdict;
        kinds[`${name}.${field}`] = d.kind;
      }
      if (entry.extra) {
        object[String(entry.extra.value)] = 'x';
        verdicts[`${name}.${String(entry.extra.value)}`] = 'invalid';
        kinds[`${name}.${String(entry.extra.value)}`] = 'unknown-field';
      }
      variables[name] = object;
    } else {
      if (entry.value !== undefined) variables[name] = entry.value;
      verdicts[name] = entry.verdict;
      kinds[name] = entry.kind;
    }
  }
  return { variables, verdicts, kinds };
}

/** Now and then an input object gets a field its type does not have, or is replaced by a wrong type or null. */
/** Now and then (1 in 12) an input object gets a field its type does not have. */
export const extraField: fc.Arbitrary<Drawn | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 11 },
  { arbitrary: fc.constantFrom('status', 'id', '__proto__x', 'organizationNumber2').map((f) => drawn(f, 'invalid', 'unknown-field')), weight: 1 },
);
/** Now and then (1 in 15) an input object is replaced by a value of the wrong type, or null. */
export const wholeInput: fc.Arbitrary<Drawn | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 14 },
  {
    arbitrary: fc.oneof(
      wrongScalar.filter((v) => typeof v !== 'object' || Array.isArray(v)).map((v) => drawn(v, 'invalid', 'wrong-type')),
      fc.constant(drawn(null, 'invalid', 'null')),
    ),
    weight: 1,
  },
);

/**
 * An end before its start makes the end invalid when both are otherwise valid, and either when one of
 * them may go both ways; the start may then be named too. Paths are as in the verdicts (`input.end`).
 */
export function markEndBeforeStart(c: Case, startPath: string, endPath: string): void {
  const at = (path: string) => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), c.variables);
  const [start, end] = [at(startPath), at(endPath)];
  const first = typeof start === 'string' ? coveredDays(start) : null;
  const last = typeof end === 'string' ? coveredDays(end) : null;
  const [startVerdict, endVerdict] = [c.verdicts[startPath], c.verdicts[endPath]];
  if (!first || !last || last.last >= first.first || startVerdict === 'invalid' || endVerdict === 'invalid') return;
  c.verdicts[endPath] = startVerdict === 'valid' && endVerdict === 'valid' ? 'invalid' : 'either';
  if (startVerdict === 'valid') c.verdicts[startPath] = 'either';
}
