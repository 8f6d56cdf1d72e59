/**
 * A backend's JSON body against a wire schema of the fake, field by field: every difference its
 * own entry with a path (`data[0].user_email`), not one zod error dump. Strict, as the schemas
 * are: a field more is a difference, so is a field less, another order, another type, `null`
 * where the fake sends a value, and a value of the right type the fake would never send.
 */
import type * as z from 'zod'
import {
  describeExpected,
  describeSent,
  describeValue,
  jsonTypeOf,
  jsonTypesOf,
  kindOf,
} from './describe.js'
import { describeOrder } from './field-order.js'

/** What kind of difference a finding is about the body. */
export type WireDifferenceKind =
  'missing' | 'extra' | 'renamed' | 'order' | 'type' | 'null' | 'value'

export interface WireDifference {
  /** Where: `data.user_email`, `data[0]`; `body` for the body itself. */
  readonly at: string
  readonly kind: WireDifferenceKind
  /** What, after the path: `missing (the fake sends it)`. */
  readonly text: string
  /** Other list items with the same difference (`data[1].user_email`, …), kept out of the line. */
  readonly alsoAt?: readonly string[]
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`
}

function shown(at: string): string {
  return at === '' ? 'body' : at
}

/** The schema under `optional`, `default` and the like, with whether the field may be absent. */
function unwrapOptional(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  const def = schema.def as z.ZodType['def'] & { innerType?: z.ZodType }
  if ((def.type === 'optional' || def.type === 'default') && def.innerType !== undefined)
    return { schema: unwrapOptional(def.innerType).schema, optional: true }
  return { schema, optional: false }
}

/** The schema a value is checked against, wrappers that say nothing of the wire removed. */
function unwrapWire(schema: z.ZodType): z.ZodType {
  const def = schema.def as z.ZodType['def'] & {
    innerType?: z.ZodType
    in?: z.ZodType
    getter?: () => z.ZodType
  }
  if ((def.type === 'readonly' || def.type === 'catch') && def.innerType !== undefined)
    return unwrapWire(def.innerType)
  if (def.type === 'pipe' && def.in !== undefined) return unwrapWire(def.in)
  if (def.type === 'lazy' && def.getter !== undefined) return unwrapWire(def.getter())
  return unwrapOptional(schema).schema
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The missing fields another field stands in place of: the extra field sits right after the
 * same known field as the missing one would, and its value passes the missing one's schema.
 */
function findRenames(
  shape: Readonly<Record<string, z.ZodType>>,
  value: Record<string, unknown>,
  missing: readonly string[],
  extra: readonly string[],
): Map<string, string> {
  const before = (keys: readonly string[], key: string): string | undefined =>
    keys.slice(0, keys.indexOf(key)).findLast((k) => k in shape && k in value)
  const expectedKeys = Object.keys(shape)
  const actualKeys = Object.keys(value)
  const renames = new Map<string, string>()
  for (const name of missing) {
    const place = before(expectedKeys, name)
    const candidates = extra.filter(
      (other) =>
        ![...renames.values()].includes(other) &&
        before(actualKeys, other) === place &&
        (shape[name] as z.ZodType).safeParse(value[other]).success,
    )
    if (candidates.length === 1) renames.set(name, candidates[0] as string)
  }
  return renames
}

function diffObject(
  schema: z.ZodObject,
  value: Record<string, unknown>,
  at: string,
  out: WireDifference[],
): void {
  const shape = schema.shape as Readonly<Record<string, z.ZodType>>
  const missing = Object.keys(shape).filter(
    (key) => !Object.hasOwn(value, key) && !unwrapOptional(shape[key] as z.ZodType).optional,
  )
  const extra = Object.keys(value).filter((key) => !Object.hasOwn(shape, key))
  const renames = findRenames(shape, value, missing, extra)
  for (const key of missing) {
    const other = renames.get(key)
    out.push({
      at: join(at, key),
      kind: other === undefined ? 'missing' : 'renamed',
      text:
        other === undefined
          ? 'missing (the fake sends it)'
          : `missing, ${other} in its place (renamed?)`,
    })
  }
  const renamed = new Set(renames.values())
  for (const key of extra)
    if (!renamed.has(key)) out.push({ at: join(at, key), kind: 'extra', text: 'not in the fake' })
  // @note JSON.parse keeps the order of the text, except that integer-like keys come first: no
  // wire field is named like one, and free-form objects (records) have no order to check.
  const sent = Object.keys(value).filter((key) => Object.hasOwn(shape, key))
  const expected = Object.keys(shape).filter((key) => Object.hasOwn(value, key))
  const order = describeOrder(sent, expected)
  if (order !== undefined)
    out.push({ at: shown(at), kind: 'order', text: `fields in another order: ${order}` })
  for (const key of expected) diffValue(shape[key] as z.ZodType, value[key], join(at, key), out)
}

/** Differences of list items, one entry per path and kind: the first item's, naming the others. */
function diffItems(
  schema: z.ZodType,
  items: readonly unknown[],
  at: string,
  out: WireDifference[],
): void {
  const byPlace = new Map<string, { first: WireDifference; alsoAt: string[] }>()
  items.forEach((item, index) => {
    const found: WireDifference[] = []
    diffValue(schema, item, `${at}[${index}]`, found)
    for (const difference of found) {
      const place = `${difference.kind} ${difference.at.replace(/\[\d+\]/g, '[]')}`
      const seen = byPlace.get(place)
      if (seen === undefined) byPlace.set(place, { first: difference, alsoAt: [] })
      else seen.alsoAt.push(difference.at)
    }
  })
  for (const { first, alsoAt } of byPlace.values())
    out.push(alsoAt.length === 0 ? first : { ...first, alsoAt })
}

function diffLeaf(
  schema: z.ZodType,
  value: unknown,
  at: string,
  out: WireDifference[],
  orNull: boolean,
): void {
  if (schema.safeParse(value).success) return
  const field = at.slice(at.lastIndexOf('.') + 1)
  const types = jsonTypesOf(schema)
  const expected = `${describeExpected(schema)}${orNull ? ' or null' : ''}`
  if (value === null)
    out.push({ at: shown(at), kind: 'null', text: `null, the fake sends ${expected}` })
  else if (types !== undefined && !types.has(jsonTypeOf(value)))
    out.push({
      at: shown(at),
      kind: 'type',
      text: `${describeSent(value, field)}, the fake sends ${expected}`,
    })
  else
    out.push({
      at: shown(at),
      kind: 'value',
      text: `${describeValue(value, field)}, the fake sends ${expected}`,
    })
}

/** `orNull`: the schema is a nullable's inner one, so `or null` is part of what the fake sends. */
function diffValue(
  given: z.ZodType,
  value: unknown,
  at: string,
  out: WireDifference[],
  orNull = false,
): void {
  const schema = unwrapWire(given)
  const kind = kindOf(schema)
  if (kind === 'nullable') {
    if (value !== null)
      diffValue((schema as z.ZodNullable).unwrap() as z.ZodType, value, at, out, true)
    return
  }
  if (kind === 'object' && isPlainObject(value)) diffObject(schema as z.ZodObject, value, at, out)
  else if (kind === 'array' && Array.isArray(value))
    diffItems((schema as z.ZodArray).element as z.ZodType, value, at, out)
  else if (kind === 'record' && isPlainObject(value)) {
    const values = (schema as z.ZodRecord).valueType as z.ZodType
    for (const [key, item] of Object.entries(value)) diffValue(values, item, join(at, key), out)
  } else diffLeaf(schema, value, at, out, orNull)
}

/**
 * Every difference between a JSON body and the wire schema the fake sends it by: a field missing,
 * one the fake does not send (or one in another's place: `renamed?`), fields in another order,
 * another type, `null` where the fake sends a value, a value it would not send. Recursive into
 * nested objects and lists; a difference in many list items is one entry.
 * @example diffWire(ApiKeyResponseSchema, body) // [{ at: 'data.user_email', kind: 'missing', … }]
 */
export function diffWire(schema: z.ZodType, body: unknown): WireDifference[] {
  const out: WireDifference[] = []
  diffValue(schema, body, '', out)
  return out
}
