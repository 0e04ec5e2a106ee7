import { EngineError } from '../errors.ts';
import type { EventWindow, TimeBound } from '../features/event-features-windows.ts';
import {
  COMPARISON_OPS,
  type ComparisonOp,
  type Condition,
  type Rule,
  type RuleTable,
} from './rule-types.ts';

type Path = readonly (string | number)[];

/** `[2].when.all[1].op`: how a person finds the spot in the JSON. */
export function formatRulePath(path: Path): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function fail(path: Path, message: string): never {
  const where = path.length ? `${formatRulePath(path)}: ` : 'rule table: ';
  throw new EngineError('invalid_rule', `${where}${message}`, path);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectObject(
  value: unknown,
  path: Path,
  allowed: readonly string[],
): Record<string, unknown> {
  if (!isObject(value)) fail(path, `expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail([...path, key], `unknown key; allowed here: ${allowed.join(', ')}`);
    }
  }
  return value;
}

function checkLength(value: string, path: Path, maxLength: number): void {
  if (value.length > maxLength) {
    fail(path, `expected at most ${maxLength} characters, got ${value.length}`);
  }
}

function expectString(value: unknown, path: Path, maxLength = Infinity): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, `expected a non-empty string, got ${describe(value)}`);
  }
  checkLength(value, path, maxLength);
  return value;
}

function expectNumber(value: unknown, path: Path): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, `expected a finite number, got ${describe(value)}`);
  }
  return value;
}

function expectOp(value: unknown, path: Path): ComparisonOp {
  if (!COMPARISON_OPS.includes(value as ComparisonOp)) {
    fail(path, `expected one of ${COMPARISON_OPS.join(' ')}, got ${describe(value)}`);
  }
  return value as ComparisonOp;
}

const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A rule's text becomes a tag's slug, display name and definition, whose lengths are bounded. */
const MAX_LENGTH = { tag: 100, label: 200, description: 4000 } as const;

interface ValidationOptions {
  /** Feature names the rules may use (e.g. a feature table's `names`); unchecked when omitted. */
  readonly features?: readonly string[];
}

function validateFeature(value: unknown, path: Path, options: ValidationOptions): string {
  const name = expectString(value, path);
  if (options.features && !options.features.includes(name)) {
    fail(path, `unknown feature "${name}"; available: ${options.features.join(', ')}`);
  }
  return name;
}

function validateBound(value: unknown, path: Path): TimeBound {
  const bound = expectObject(value, path, ['daysBefore']);
  const daysBefore = expectNumber(bound.daysBefore, [...path, 'daysBefore']);
  if (daysBefore < 0) {
    fail(
      [...path, 'daysBefore'],
      `must be >= 0 (a window cannot reach past the cut-off), got ${daysBefore}`,
    );
  }
  return { daysBefore };
}

function validateWindow(value: unknown, path: Path): EventWindow {
  const raw = expectObject(value, path, ['kind', 'from', 'to', 'unit']);
  let kind: string | string[] | undefined;
  if (Array.isArray(raw.kind)) {
    if (raw.kind.length === 0) fail([...path, 'kind'], 'expected at least one kind');
    kind = raw.kind.map((k, i) => expectString(k, [...path, 'kind', i]));
  } else if (raw.kind !== undefined) {
    kind = expectString(raw.kind, [...path, 'kind']);
  }
  const from = raw.from === undefined ? undefined : validateBound(raw.from, [...path, 'from']);
  const to = raw.to === undefined ? undefined : validateBound(raw.to, [...path, 'to']);
  if (from && to && from.daysBefore <= to.daysBefore) {
    fail(
      path,
      `empty window: from.daysBefore (${from.daysBefore}) must be greater than to.daysBefore (${to.daysBefore})`,
    );
  }
  if (raw.unit !== undefined && raw.unit !== 'events' && raw.unit !== 'orders') {
    fail([...path, 'unit'], `expected "events" or "orders", got ${describe(raw.unit)}`);
  }
  return {
    ...(kind === undefined ? {} : { kind }),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(raw.unit === undefined ? {} : { unit: raw.unit as 'events' | 'orders' }),
  };
}

function validateConditionList(
  value: unknown,
  path: Path,
  options: ValidationOptions,
): Condition[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(path, `expected a non-empty array of conditions, got ${describe(value)}`);
  }
  return value.map((item, i) => validateCondition(item, [...path, i], options));
}

const CONDITION_KEYS = ['all', 'any', 'not', 'events', 'feature'] as const;

/** Validates one condition and returns a clean copy. */
export function validateCondition(
  value: unknown,
  path: Path = [],
  options: ValidationOptions = {},
): Condition {
  if (!isObject(value)) fail(path, `expected a condition object, got ${describe(value)}`);
  const kinds = CONDITION_KEYS.filter((key) => key in value);
  if (kinds.length !== 1) {
    fail(
      path,
      kinds.length === 0
        ? `a condition needs exactly one of ${CONDITION_KEYS.join(', ')}; got keys ${Object.keys(value).join(', ') || '(none)'}`
        : `a condition needs exactly one of ${CONDITION_KEYS.join(', ')}; got ${kinds.join(' and ')}`,
    );
  }
  switch (kinds[0]!) {
    case 'all':
      expectObject(value, path, ['all']);
      return { all: validateConditionList(value.all, [...path, 'all'], options) };
    case 'any':
      expectObject(value, path, ['any']);
      return { any: validateConditionList(value.any, [...path, 'any'], options) };
    case 'not':
      expectObject(value, path, ['not']);
      return { not: validateCondition(value.not, [...path, 'not'], options) };
    case 'events': {
      expectObject(value, path, ['events', 'op', 'value']);
      return {
        events: validateWindow(value.events, [...path, 'events']),
        op: expectOp(value.op, [...path, 'op']),
        value: expectNumber(value.value, [...path, 'value']),
      };
    }
    default: {
      expectObject(value, path, ['feature', 'op', 'value', 'otherFeature', 'mean']);
      const feature = validateFeature(value.feature, [...path, 'feature'], options);
      const op = expectOp(value.op, [...path, 'op']);
      const sides = (['value', 'otherFeature', 'mean'] as const).filter((key) => key in value);
      if (sides.length !== 1) {
        fail(
          path,
          `compare "${feature}" with exactly one of value, otherFeature, mean; got ${sides.length ? sides.join(' and ') : 'none'}`,
        );
      }
      if (sides[0] === 'value')
        return { feature, op, value: expectNumber(value.value, [...path, 'value']) };
      if (sides[0] === 'otherFeature') {
        return {
          feature,
          op,
          otherFeature: validateFeature(value.otherFeature, [...path, 'otherFeature'], options),
        };
      }
      if (value.mean !== true)
        fail([...path, 'mean'], `expected true, got ${describe(value.mean)}`);
      return { feature, op, mean: true };
    }
  }
}

/**
 * Checks a rule table read from JSON and returns a clean, typed copy. Every problem is an
 * `EngineError` with code `invalid_rule` whose message and `path` name the spot, e.g.
 * `[2].when.all[1].op: expected one of < <= > >= == !=, got "=>"`.
 *
 * Checked: the table is an array; each rule has a slug `tag` (lower-case, hyphen-separated,
 * unique in the table), a `label`, an optional `description` and a `when` condition; no
 * unknown keys anywhere (typos fail instead of being ignored); `all`/`any` are non-empty;
 * comparisons use a known op and exactly one right-hand side; windows are non-empty and do
 * not reach past the cut-off; with `options.features`, every feature exists.
 *
 * @example
 * const rules = validateRuleTable(JSON.parse(text), { features: table.names });
 */
export function validateRuleTable(json: unknown, options: ValidationOptions = {}): RuleTable {
  if (!Array.isArray(json)) fail([], `expected an array of rules, got ${describe(json)}`);
  const tags = new Set<string>();
  return json.map((item, i): Rule => {
    const raw = expectObject(item, [i], ['tag', 'label', 'description', 'when']);
    const tag = expectString(raw.tag, [i, 'tag'], MAX_LENGTH.tag);
    if (!TAG_PATTERN.test(tag)) {
      fail(
        [i, 'tag'],
        `"${tag}" is not a tag slug (lower-case letters and digits, hyphen-separated)`,
      );
    }
    if (tags.has(tag)) fail([i, 'tag'], `duplicate tag "${tag}"`);
    tags.add(tag);
    const label = expectString(raw.label, [i, 'label'], MAX_LENGTH.label);
    if (raw.description !== undefined && typeof raw.description !== 'string') {
      fail([i, 'description'], `expected a string, got ${describe(raw.description)}`);
    }
    if (raw.description !== undefined) {
      checkLength(raw.description, [i, 'description'], MAX_LENGTH.description);
    }
    return {
      tag,
      label,
      ...(raw.description === undefined ? {} : { description: raw.description }),
      when: validateCondition(raw.when, [i, 'when'], options),
    };
  });
}
