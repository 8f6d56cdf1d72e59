/**
 * Strong parameters and ActiveRecord's casting: what the Rails backend does to a request's
 * fields before its model validates them. Declared per wrapper as a permit spec, beside the zod
 * request schema and apart from it: the schemas stay free of transforms (OpenAPI generation reads
 * them) and validate what this step hands them.
 */

/**
 * How `permit` lets one field through, and the column type ActiveRecord casts it to:
 * - `scalar`: `permit(:name)`. A string, number, boolean or null; anything else is dropped.
 * - `array`: `permit(tags: [])`. An array of scalars; any other value, or an array holding an
 *   object or an array, is dropped whole.
 * - `hash`: `permit(config: {})`. An object, kept with its scalars, arrays and objects.
 */
export type FieldPermit =
  | { readonly shape: 'scalar'; readonly type: 'string' | 'boolean' }
  | { readonly shape: 'array'; readonly type: 'string' }
  | { readonly shape: 'hash' }

/** One wrapper's permit list, field by field: `params.require(:api_key).permit(...)`. */
export type PermitSpec = Readonly<Record<string, FieldPermit>>

/** The field permits a spec is written with. */
export const PERMIT = {
  /** `permit(:name)` into a string column: a number becomes its string, `true`/`false` `"t"`/`"f"`. */
  string: { shape: 'scalar', type: 'string' },
  /** `permit(:flag)` into a boolean column, cast as `ActiveModel::Type::Boolean` casts. */
  boolean: { shape: 'scalar', type: 'boolean' },
  /** `permit(tags: [])` into a string array column: each entry cast as `string` is. */
  stringArray: { shape: 'array', type: 'string' },
  /** `permit(config: {})` into a JSON column: any object, kept as strong parameters permit it. */
  hash: { shape: 'hash' },
} as const satisfies Record<string, FieldPermit>

/** `ActiveModel::Type::Boolean::FALSE_VALUES` as JSON can spell them; every other value is true. */
const FALSE_VALUES: ReadonlySet<unknown> = new Set([
  false,
  0,
  '0',
  'f',
  'F',
  'false',
  'FALSE',
  'off',
  'OFF',
])

type Scalar = string | number | boolean | null

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

function isHash(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A JSON number as Ruby's `to_s` writes it. Integral values are written as integers (`5`):
 * JSON.parse cannot tell `5.0` or `1e3` (Ruby floats, `"5.0"`, `"1000.0"`) from `5` or `1000`.
 * Other values take Ruby's float notation, which differs from JavaScript's below 1e-4.
 */
export function toRubyNumberString(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString()
  if (Math.abs(value) >= 1e-4) return String(value)
  const [mantissa = '', exponent = ''] = value.toExponential().split('e')
  const power = Number(exponent)
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`
}

/** A permitted scalar cast into a string column (`ActiveModel::Type::String`); null stays null. */
function toStringColumn(value: Scalar): string | null {
  if (value === true) return 't'
  if (value === false) return 'f'
  return typeof value === 'number' ? toRubyNumberString(value) : value
}

/** Rails' deep munge: `null` entries of every array in the params are dropped before `permit`. */
function withoutNulls(array: readonly unknown[]): unknown[] {
  return array.filter((entry) => entry !== null)
}

/** `permit(key: {})`: scalars, objects, and arrays of scalars and objects; nested arrays go. */
function permitAnyHash(hash: Record<string, unknown>): Record<string, unknown> {
  // @note Built with Object.fromEntries, so a `__proto__` key stays a plain own key.
  return Object.fromEntries(
    Object.entries(hash).flatMap(([key, value]): [string, unknown][] => {
      if (isScalar(value)) return [[key, value]]
      if (Array.isArray(value)) return [[key, permitAnyArray(value)]]
      return isHash(value) ? [[key, permitAnyHash(value)]] : []
    }),
  )
}

function permitAnyArray(array: readonly unknown[]): unknown[] {
  return withoutNulls(array).flatMap((entry): unknown[] =>
    isScalar(entry) ? [entry] : isHash(entry) ? [permitAnyHash(entry)] : [],
  )
}

/** One field through its permit and its column cast; `undefined` when it ends up absent. */
function permitField(permit: FieldPermit, value: unknown): unknown {
  switch (permit.shape) {
    case 'scalar':
      if (!isScalar(value)) return undefined
      if (permit.type === 'string') return toStringColumn(value)
      // @note `""` casts to nil, and nil is an absent flag here: the default on create,
      // unchanged on update.
      return value === null || value === '' ? undefined : !FALSE_VALUES.has(value)
    case 'array': {
      // A null or false value is skipped by `permit` itself (`next unless value`).
      if (!Array.isArray(value)) return undefined
      const entries = withoutNulls(value)
      return entries.every(isScalar) ? entries.map(toStringColumn) : undefined
    }
    case 'hash':
      return isHash(value) ? permitAnyHash(value) : undefined
  }
}

/**
 * The fields of a wrapper as the Rails backend hands them to its model: only the fields its
 * permit spec names, each in a shape its permit allows (any other is dropped silently, as an
 * unpermitted parameter), cast to its column type. Validation comes after, on the result.
 * @example
 * permitFields({ name: PERMIT.string, tags: PERMIT.stringArray }, { name: 5, tags: [1, null], x: 1 })
 * // { name: '5', tags: ['1'] }
 */
export function permitFields(
  spec: PermitSpec,
  fields: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const permitted: Record<string, unknown> = {}
  for (const [key, permit] of Object.entries(spec)) {
    if (!Object.hasOwn(fields, key)) continue
    const value = permitField(permit, fields[key])
    if (value !== undefined) permitted[key] = value
  }
  return permitted
}
