/**
 * Validation of what the library's own callers pass: options, store calls, toolkit calls. Schemas
 * carry messages that are predicates (`must be a positive integer`); a problem becomes one
 * sentence naming where it is, what is accepted and what was got:
 * `scenario must be one of 'documented', 'empty', …, got 'nope'`.
 */
import * as z from 'zod'
import { describeValue } from './describe-value.js'

/** A zod issue's path as a reader writes it: `api_keys[0].user_id`; `(root)` for none. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}

/** Fields whose values a message never repeats: it says how long the text was instead. */
const SECRET_FIELDS: ReadonlySet<PropertyKey> = new Set(['password', 'apiKey'])

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** `allowed_origins` → `Allowed origins`: a field as Rails writes it at the start of a full message. */
function humanize(field: string): string {
  const words = field.replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The wire schemas speak Rails' full messages for a 422 (`Allowed origins must be an array of
 * strings`). A caller of the library reads the field's own name instead, at the field itself:
 * `allowed_origins` and `must be an array of strings`.
 */
function toPredicate(
  path: readonly PropertyKey[],
  message: string,
): { path: readonly PropertyKey[]; predicate: string } {
  const at = path.findLastIndex((key) => typeof key === 'string')
  const subject = at === -1 ? undefined : `${humanize(String(path[at]))} `
  if (subject === undefined || !message.startsWith(subject)) return { path, predicate: message }
  return { path: path.slice(0, at + 1), predicate: message.slice(subject.length) }
}

/**
 * A union's problems, as precise as they can be. @note zod words a union as one problem when
 * every branch fails on a type (`{ maxEntries: NaN }` for `false | { maxEntries }`); when only one
 * branch failed inside the input rather than at its root, that branch's problems are the ones.
 */
function expandUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue]
  const inside = issue.errors.filter(
    (branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0),
  )
  const [branch] = inside
  if (inside.length !== 1 || branch === undefined) return [issue]
  return branch.flatMap((inner) => expandUnion({ ...inner, path: [...issue.path, ...inner.path] }))
}

function toSentence(issue: z.core.$ZodIssue, input: unknown, subject: string): string {
  // `strictShape` words an unknown key as a whole sentence: it alone knows the valid keys.
  if (issue.code === 'unrecognized_keys') return issue.message
  const { path, predicate } = toPredicate(issue.path, issue.message)
  const value = valueAt(input, path)
  const got =
    SECRET_FIELDS.has(path.at(-1) ?? '') && typeof value === 'string'
      ? `a string of ${[...value].length} characters`
      : describeValue(value)
  return `${path.length === 0 ? subject : formatIssuePath(path)} ${predicate}, got ${got}`
}

/**
 * Parses `input`; a failure is one sentence per problem. `subject` names the input itself, for a
 * problem with the whole of it (`options must be an object, got 5`).
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  subject: string,
): { ok: true; value: T } | { ok: false; problems: string[] } {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  const sentences = result.error.issues
    .flatMap(expandUnion)
    .map((issue) => toSentence(issue, input, subject))
  return { ok: false, problems: [...new Set(sentences)] }
}

/**
 * The parsed input, or a `TypeError` that says what failed and why, every problem in one line.
 * @example
 * checkInput(UserIdSchema, userId, 'Failed to create API key', 'userId')
 * // TypeError: Failed to create API key: userId must be a positive integer, got '1'
 */
export function checkInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  failure: string,
  subject: string,
): T {
  const result = parseInput(schema, input, subject)
  if (result.ok) return result.value
  throw new TypeError(`${failure}: ${result.problems.join('; ')}`)
}

/**
 * An object schema that refuses unknown keys, naming each and listing the valid ones
 * (`unknown option 'sead'; the options are …`). `noun` is what its keys are: the options of a
 * factory, or the fields of data.
 */
export function strictShape<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  noun: 'option' | 'field',
) {
  const known = Object.keys(shape).sort().join(', ')
  return z.strictObject(shape, {
    error(issue) {
      if (issue.code !== 'unrecognized_keys') return 'must be an object'
      const path = issue.path ?? []
      const keys = issue.keys.map((key) => describeValue(formatIssuePath([...path, key])))
      const owner = path.length === 0 ? '' : ` of ${formatIssuePath(path)}`
      const plural = keys.length > 1 ? 's' : ''
      return `unknown ${noun}${plural} ${keys.join(', ')}; the ${noun}s${owner} are ${known}`
    },
  })
}

/** One of a list of names: `must be one of 'a', 'b'`. */
export function oneOf<const Names extends readonly string[]>(names: Names) {
  return z.enum(names, { error: `must be one of ${names.map(describeValue).join(', ')}` })
}

/** A number that passes `test`; every way to fail (not a number, `NaN`, out of range) reads `message`. */
export function numberWhere(test: (value: number) => boolean, message: string) {
  return z.number({ error: message }).refine(test, { error: message })
}

/** An integer, id or count, of at least 1. */
export const PositiveIntegerSchema = numberWhere(
  (value) => Number.isSafeInteger(value) && value > 0,
  'must be a positive integer',
)

/** A whole number of at least 0 (a count that may be none). */
export const WholeNumberSchema = numberWhere(
  (value) => Number.isSafeInteger(value) && value >= 0,
  'must be a whole number of at least 0',
)

/** A function, checked as one (its arguments and result cannot be checked before it is called). */
export function functionSchema<Fn extends (...args: never[]) => unknown>(signature: string) {
  return z.custom<Fn>((value) => typeof value === 'function', {
    error: `must be a function ${signature}`,
  })
}

/** `true` or `false`. */
export const BooleanSchema = z.boolean({ error: 'must be true or false' })
