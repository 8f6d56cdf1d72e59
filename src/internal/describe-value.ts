/** Longest text quoted in full; longer text is cut, so a huge value never floods an error message. */
const MAX_TEXT = 60

/** Items or keys shown of a list or object before `…`. */
const MAX_PARTS = 4

/** Text as a JavaScript caller would type it: single quotes, escapes as in JSON. */
function quote(text: string): string {
  const cut = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text
  return `'${JSON.stringify(cut).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`
}

function describeNested(value: unknown): string {
  if (Array.isArray(value)) return '[…]'
  if (typeof value === 'object' && value !== null && isPlainObject(value)) return '{…}'
  return describeValue(value)
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * A value as an error message shows what it got: `'nope'`, `-5`, `undefined`, `['a', 3]`,
 * `{ max: 5 }`, `a function`, `a Date`. Short: nested values and long text are cut.
 * @example describeValue('nope') // "'nope'"
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'bigint':
      return `${value}n`
    case 'function':
      return 'a function'
    case 'symbol':
      return value.toString()
    case 'object':
      break
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value)
  }
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_PARTS).map(describeNested)
    return `[${[...items, ...(value.length > MAX_PARTS ? ['…'] : [])].join(', ')}]`
  }
  if (!isPlainObject(value)) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name
    if (typeof name !== 'string' || name === '') return 'an object'
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return '{}'
  const parts = keys
    .slice(0, MAX_PARTS)
    .map((key) => `${key}: ${describeNested((value as Record<string, unknown>)[key])}`)
  return `{ ${[...parts, ...(keys.length > MAX_PARTS ? ['…'] : [])].join(', ')} }`
}
