/**
 * Whether a user has an ElevenLabs key: the conversation endpoints read ElevenLabs with the key of
 * the user's `elevenlabs` integration, and answer the documented 400 "Bad request - Missing API
 * key" without one.
 *
 * TODO(integrations): the integrations resource is being built on another branch. Until it lands
 * no store has `getIntegration`, and every user counts as having a key. Once it does, this asks
 * it, by the name its store is expected to offer: `getIntegration(userId, 'elevenlabs')`, a
 * record or `undefined`, like `getApiKey` and `getAgent`. At the merge, type the lookup with the
 * integrations store's interface (and drop the fallback), and check that the seeds give the users
 * that own conversations an `elevenlabs` integration (else their conversations answer 400).
 */
import { ELEVENLABS_INTEGRATION_TYPE } from './defaults.js'

/** What this needs of the store: the integrations resource's lookup, when there is one. */
interface IntegrationLookup {
  getIntegration?: (userId: number, integrationType: string) => unknown
}

/** Whether `userId` has an `elevenlabs` integration (every user does while no store can say). */
export function hasElevenLabsKey(store: object, userId: number): boolean {
  const lookup = store as IntegrationLookup
  if (typeof lookup.getIntegration !== 'function') return true
  return lookup.getIntegration(userId, ELEVENLABS_INTEGRATION_TYPE) !== undefined
}
