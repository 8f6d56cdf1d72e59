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
 * An agent's path id: agents are kept under string ids ("123"), cast as every integer id is.
 * @example toAgentId('0123') // '123'
 */
export function toAgentId(raw: string | undefined): string | undefined {
  const id = toRecordId(raw)
  return id === undefined ? undefined : String(id)
}
