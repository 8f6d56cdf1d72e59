/**
 * The not-found error of one record, which also records in the journal why it was not found:
 * there is no such record, or it is another user's. The response is the same either way (the
 * API filters every lookup to the caller's own records), so only the journal's `reason` tells.
 */
import type { CollectionDefinition, RecordId } from '../store/collection.js'
import type { EndpointContext } from './endpoint.js'
import { ApiError } from './envelope.js'
import { REASONS } from './reasons.js'

/**
 * A function that throws a resource's not-found error with its sentence, as `failWith` does,
 * for the record `id` of `collection` (the id as the path cast it, or the raw text when it cast
 * to none).
 * @example
 * const notFound = failWithRecord(API_KEYS, 'not_found', data.errors.not_found, 'API key not found')
 * context.store.getApiKey(owner, id) ?? notFound(context, id)
 */
export function failWithRecord<R extends object, Id extends RecordId>(
  collection: CollectionDefinition<R, Id>,
  code: string,
  error: { readonly status: number; readonly message: string },
  sentence: string,
): (context: EndpointContext<unknown>, id: RecordId) => never {
  return (context, id) => {
    const owner = context.recordOwner(collection, id)
    const caller = context.principal?.user.id
    const reason =
      typeof owner === 'number' && caller !== undefined && owner !== caller
        ? REASONS.foreignRecord(collection.label, id, owner, caller)
        : REASONS.missingRecord(collection.label, id)
    throw new ApiError({ code, status: error.status, message: error.message }, [sentence], {
      reason,
    })
  }
}
