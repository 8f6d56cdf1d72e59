/**
 * The not-found error of one record, which also records in the journal why it was not found:
 * there is no such record, or it is another user's. The response is the same either way (the
 * API filters every lookup to the caller's own records), so only the journal's `reason` tells.
 */
import type { CollectionDefinition, RecordId } from '../store/collection.js'
import type { EndpointContext } from './endpoint.js'
import { REASONS } from './reasons.js'

/**
 * A thrower of a resource's not-found error (`failWith`) for the record of `collection` that the
 * path parameter `param` names (as the path cast it, or its raw text when it cast to none),
 * which gives the journal the reason: whose record it was, or that there is none.
 * @example
 * const notFound = failWithRecord(API_KEYS, 'keyId', failWith('not_found', error, 'API key not found'))
 * context.store.getApiKey(owner, id) ?? notFound(context)
 */
export function failWithRecord<R extends object, Id extends RecordId>(
  collection: CollectionDefinition<R, Id>,
  param: string,
  fail: (reason: string) => never,
): (context: EndpointContext<unknown>) => never {
  return (context) => {
    const id = context.param(param) ?? context.params[param] ?? ''
    const owner = context.recordOwner(collection, id)
    const caller = context.principal?.user.id
    return fail(
      typeof owner === 'number' && caller !== undefined && owner !== caller
        ? REASONS.foreignRecord(collection.label, id, owner, caller)
        : REASONS.missingRecord(collection.label, id),
    )
  }
}
