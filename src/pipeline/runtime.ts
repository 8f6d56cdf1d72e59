import type { PublicKeyAccess } from '../defaults.js'
import type { CollectionDefinition, RecordId } from '../store/collection.js'
import type { Scenario } from '../store/scenario-names.js'
import type { FaultInjector } from '../toolkit/faults.js'
import type { Journal } from '../toolkit/journal.js'
import type { AnyEndpoint } from './endpoint.js'
import type { Authenticator } from './principal.js'
import type { RateLimiter } from './rate-limit.js'

/** Everything the pipeline works with, wired by `createVoiceableMock`. */
export interface CoreRuntime {
  /** The endpoint table. */
  endpoints: readonly AnyEndpoint[]
  /** The store: resolvers get it whole; the pipeline authenticates with it. */
  store: Authenticator & { readonly scenario: Scenario | undefined }
  rateLimiter: RateLimiter | undefined
  faults: FaultInjector
  journal: Journal
  publicKeyAccess: PublicKeyAccess
  revealKeyValues: boolean
  maxBodyBytes: number
  unknownRoutes: 'not-found' | 'passthrough'
  /** The mock's clock: journal times follow it, like every other timestamp. */
  now: () => Date
  /**
   * Who owns a record: a user id, `null` for a record nobody owns, `undefined` when there is no
   * such record. For the journal's reason of a 404 only (`EndpointContext.recordOwner`).
   */
  recordOwner: <R extends object, Id extends RecordId>(
    collection: CollectionDefinition<R, Id>,
    id: RecordId,
  ) => number | null | undefined
  /** Switches the store, and everything kept per scenario, to another scenario. */
  useScenario(scenario: Scenario): void
  /**
   * Told after every answer that may have changed the store: a 2xx to a method other than GET,
   * HEAD and OPTIONS (the demo server persists on it). Called after the journal entry is added.
   */
  onWrite?: (() => void) | undefined
}
