import type * as z from 'zod'
import type { EndpointContext } from '../endpoint.js'
import { ApiError } from '../envelope.js'

/** Parses request fields with a schema; every problem becomes one plain sentence in a 422. */
export function parseFields<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const result = schema.safeParse(fields)
  if (result.success) return result.data
  throw new ApiError('validation_failed', [
    ...new Set(result.error.issues.map((issue) => issue.message)),
  ])
}

/** The id of the caller of a `read` or `write` endpoint (the core authenticates them before resolve). */
export function ownerOf({ principal }: EndpointContext): number {
  if (principal === undefined)
    throw new Error('Failed to resolve: endpoint ran without an authenticated caller')
  return principal.user.id
}
