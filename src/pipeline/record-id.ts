import * as z from 'zod'
import type { PathParam } from './endpoint.js'

/** The leading ASCII digits of a path id: all ActiveRecord's integer cast reads of it. */
const LEADING_DIGITS = /^[0-9]+/

/**
 * A path id as ActiveRecord casts it before `find`: its leading ASCII digits (`String#to_i`), so
 * `01`, `1abc` and `1e3` all name record 1 (and `1.5`, whose `.5` the router already took as a
 * format). Anything that casts to no positive integer, or to one beyond 2^53, names no record:
 * `undefined`, which every endpoint answers with its missing-record 404. Use it for every integer
 * id of every resource; string-keyed records (agents) look up `String(toRecordId(raw))`.
 * @example toRecordId('01') // 1
 * @example toRecordId('abc') // undefined (`'abc'.to_i` is 0, and no record has id 0)
 */
export function toRecordId(raw: string | undefined): number | undefined {
  const digits = raw === undefined ? undefined : LEADING_DIGITS.exec(raw)?.[0]
  if (digits === undefined) return undefined
  const id = Number(digits)
  return id > 0 && Number.isSafeInteger(id) ? id : undefined
}

/**
 * A path id of a record kept under an integer written as text (agents' `"123"`), cast as every
 * integer id is.
 * @example toTextRecordId('0123') // '123'
 */
export function toTextRecordId(raw: string | undefined): string | undefined {
  const id = toRecordId(raw)
  return id === undefined ? undefined : String(id)
}

/**
 * The kinds of path parameter a resource declares (`resource.json`), each with its wire type and
 * how the backend casts it before a lookup:
 * - `integer-id`: an integer id (API keys, users), cast by `toRecordId`;
 * - `integer-text-id`: an integer kept as text (agents' `"123"`), cast by `toTextRecordId`;
 * - `text`: a key that is text (an integration's type, `elevenlabs`; a conversation's drawn id,
 *   `conv_abc123`), looked up as it is: any non-empty segment, compared exactly (an empty one
 *   names no record).
 */
export const PARAM_KINDS: Readonly<Record<string, PathParam>> = {
  'integer-id': { schema: z.number().int().positive(), cast: toRecordId },
  'integer-text-id': { schema: z.string().regex(/^[1-9]\d{0,15}$/), cast: toTextRecordId },
  text: { schema: z.string().min(1), cast: (raw) => (raw === '' ? undefined : raw) },
}
