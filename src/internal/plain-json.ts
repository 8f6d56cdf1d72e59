/**
 * True when `value` is what `JSON.parse` could have returned, nested at most `maxDepth` deep:
 * plain objects and arrays of strings, finite numbers, booleans and `null`. A value that is not
 * (a `Date`, `undefined`, a function, a cycle) would not survive the store's JSON copies.
 * @example isPlainJson({ voice: { id: 'v1' } }, 100) // true
 */
export function isPlainJson(value: unknown, maxDepth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      break
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return false
  }
  if (value === null) return true
  if (maxDepth <= 0) return false
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, maxDepth - 1))
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return false
  return Object.values(value).every((field) => isPlainJson(field, maxDepth - 1))
}
