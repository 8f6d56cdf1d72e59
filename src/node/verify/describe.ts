/**
 * Words for a difference: what a wire schema expects (`a positive integer`, `one of "private",
 * "public"`) and what a backend sent instead (`a string ("1")`, `null`), short, and never a
 * secret's value.
 */
import type * as z from 'zod'

/** Longest text quoted in a finding; longer text is cut. */
const MAX_QUOTED = 40

/** Field names whose values are never shown, whatever they hold. */
const SECRET_FIELD = /key_value|token|secret|password|api_key/i

/** The kind of zod schema (`'string'`, `'object'`, …). */
export function kindOf(schema: z.ZodType): string {
  return schema.def.type
}

/** A scalar as JSON, text cut at `MAX_QUOTED` characters. */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value)
  return value.length > MAX_QUOTED
    ? `${JSON.stringify(value.slice(0, MAX_QUOTED)).slice(0, -1)}…"`
    : JSON.stringify(value)
}

/** The JSON type of a value, as the wire format speaks of it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/**
 * What a backend sent, in words: `a string ("1")`, `an integer (5)`, `true`, `an object`. A field
 * that holds a secret (`key_value`, `token`, …) shows its type only.
 */
export function describeSent(value: unknown, field: string): string {
  const secret = SECRET_FIELD.test(field)
  switch (jsonTypeOf(value)) {
    case 'null':
      return 'null'
    case 'array':
      return 'an array'
    case 'object':
      return 'an object'
    case 'string':
      return secret ? 'a string' : `a string (${quote(value)})`
    case 'number':
      return `${Number.isInteger(value) ? 'an integer' : 'a number'} (${String(value)})`
    case 'boolean':
      return `a boolean (${String(value)})`
    default:
      return typeof value
  }
}

/** A value the fake would not send although its JSON type is right, in words: `-1`, `"secret"`. */
export function describeValue(value: unknown, field: string): string {
  return SECRET_FIELD.test(field) && typeof value === 'string' ? 'this string' : quote(value)
}

function describeNumber(schema: z.ZodType): string {
  const { isInt } = schema as z.ZodNumber
  if (isInt !== true) return 'a number'
  if (schema.safeParse(1).success && !schema.safeParse(0).success) return 'a positive integer'
  if (schema.safeParse(0).success && !schema.safeParse(-1).success)
    return 'an integer of at least 0'
  return 'an integer'
}

function describeString(schema: z.ZodType): string {
  const { format } = schema as z.ZodString
  if (format === 'datetime') return 'an ISO 8601 UTC timestamp (no fractions)'
  if (format === 'regex') {
    const pattern = (schema.def.checks ?? [])
      .map((check) => (check._zod.def as { pattern?: RegExp }).pattern)
      .find((found) => found !== undefined)
    return pattern === undefined ? 'a string' : `a string matching ${String(pattern)}`
  }
  return 'a string'
}

/**
 * What the fake sends where a schema stands, in words: `a positive integer`, `an ISO 8601 UTC
 * timestamp (no fractions)`, `one of "private", "public"`, `a string or null`.
 */
export function describeExpected(schema: z.ZodType): string {
  const def = schema.def as z.ZodType['def'] & Record<string, unknown>
  switch (def.type as string) {
    case 'string':
      return describeString(schema)
    case 'number':
      return describeNumber(schema)
    case 'boolean':
      return 'a boolean'
    case 'null':
      return 'null'
    case 'enum':
      return `one of ${(schema as z.ZodEnum).options.map((option) => quote(option)).join(', ')}`
    case 'literal':
      return (def['values'] as unknown[]).map((value) => quote(value)).join(' or ')
    case 'object':
    case 'record':
      return 'an object'
    case 'array':
      return 'an array'
    case 'nullable':
      return `${describeExpected(def['innerType'] as z.ZodType)} or null`
    case 'optional':
      return describeExpected(def['innerType'] as z.ZodType)
    case 'union':
      return (def['options'] as z.ZodType[]).map(describeExpected).join(' or ')
    default:
      return 'another value'
  }
}

/** The JSON types a schema accepts, or `undefined` for any. */
export function jsonTypesOf(schema: z.ZodType): ReadonlySet<string> | undefined {
  const def = schema.def as z.ZodType['def'] & Record<string, unknown>
  switch (def.type as string) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'object':
    case 'array':
      return new Set([def.type])
    case 'record':
      return new Set(['object'])
    case 'enum':
      return new Set((schema as z.ZodEnum).options.map(jsonTypeOf))
    case 'literal':
      return new Set((def['values'] as unknown[]).map(jsonTypeOf))
    case 'nullable':
    case 'optional': {
      const inner = jsonTypesOf(def['innerType'] as z.ZodType)
      return inner === undefined
        ? undefined
        : new Set([...inner, ...(def.type === 'nullable' ? ['null'] : [])])
    }
    case 'union': {
      const all = new Set<string>()
      for (const option of def['options'] as z.ZodType[]) {
        const types = jsonTypesOf(option)
        if (types === undefined) return undefined
        for (const type of types) all.add(type)
      }
      return all
    }
    default:
      return undefined
  }
}
