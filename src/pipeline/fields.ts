import type * as z from 'zod'
import type { EndpointContext } from './endpoint.js'
import { ApiError } from './envelope.js'
import { permitFields, type PermitSpec } from './strong-params.js'

/**
 * Parses fields with a schema; every problem becomes one plain sentence in a 422. For a body, use
 * `readFields`, which permits and casts first; this alone is for fields that need no cast (a query).
 */
export function parseFields<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const result = schema.safeParse(fields)
  if (result.success) return result.data
  throw new ApiError('validation_failed', [
    ...new Set(result.error.issues.map((issue) => issue.message)),
  ])
}

/** How an endpoint reads the fields of its JSON body: the wrapper, its permit spec, its schema. */
export interface FieldsReader<T> {
  /** The body's root key, `params.require(wrapper)`: `'api_key'`, `'agent'`, `'user'`. */
  wrapper: string
  /** What `permit` lets through and how each field is cast (`strong-params.ts`). */
  permit: PermitSpec
  /** The validations, run on the permitted and cast fields (no transforms inside). */
  schema: z.ZodType<T>
}

/**
 * The fields of a request as the Rails backend reads them, in its order: `params.require`
 * (400 for malformed JSON, 422 for a missing wrapper), then strong parameters and the column
 * casts, then the model's validations (422 listing every problem). Call it after any lookup whose
 * 404 must win over a 422, as a `before_action` would.
 * @example const fields = readFields(context, { wrapper: 'api_key', permit, schema })
 */
export function readFields<T>(context: EndpointContext<unknown>, reader: FieldsReader<T>): T {
  return parseFields(reader.schema, permitFields(reader.permit, context.fields(reader.wrapper)))
}

/** The id of the caller of a `read` or `write` endpoint (the core authenticates them before resolve). */
export function ownerOf({ principal }: EndpointContext<unknown>): number {
  if (principal === undefined)
    throw new Error('Failed to resolve: endpoint ran without an authenticated caller')
  return principal.user.id
}

/**
 * The parameters of a query string as Rails reads them: an empty value counts as absent, and a
 * repeated one's last value wins.
 */
export function queryFields(query: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [name, value] of query)
    if (value === '') delete fields[name]
    else Object.defineProperty(fields, name, { value, enumerable: true, configurable: true })
  return fields
}

/** A query read with its schema (`parseFields`): a bad parameter is a 422 naming it. */
export function readQuery<T>(context: EndpointContext<unknown>, schema: z.ZodType<T>): T {
  return parseFields(schema, queryFields(context.query))
}
