/**
 * Whether a user has an ElevenLabs key: the conversation endpoints read ElevenLabs with the key of
 * the user's `elevenlabs` integration, and answer the documented 400 "Bad request - Missing API
 * key" without one.
 *
 */
import type { IntegrationsStore } from '../integrations/store.js'
import { ELEVENLABS_INTEGRATION_TYPE } from './defaults.js'

/** Whether `userId` has an `elevenlabs` integration. */
export function hasElevenLabsKey(
  store: Pick<IntegrationsStore, 'getIntegration'>,
  userId: number,
): boolean {
  return store.getIntegration(userId, ELEVENLABS_INTEGRATION_TYPE) !== undefined
}
