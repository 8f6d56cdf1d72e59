/** The integrations part of the store: every method scoped to one owner, returning masked copies. */
import type { StoreContext } from '../../store/context.js'
import { ownership } from '../accounts/factory.js'
import { USERS } from '../accounts/users.js'
import { fieldsOf } from './catalogue.js'
import { INTEGRATIONS } from './collection.js'
import { configProblems, createProblems, mergeConfig, toIntegration } from './rules.js'
import type {
  CreateIntegrationFields,
  Integration,
  IntegrationConfig,
  IntegrationRecord,
  UpdateIntegrationFields,
} from './schemas.js'

/** Whether reads show secrets: masked (`sk_***`, as the API always does), or in clear. */
export interface RevealSecretsOptions {
  revealSecrets?: boolean | undefined
}

/** Integrations, as `mock.store` offers them. Every result masks secrets unless `revealSecrets`. */
export interface IntegrationsStore {
  /** A user's integrations, in id order. */
  listIntegrations(userId: number, options?: RevealSecretsOptions): Integration[]
  /** A user's integration of one type (`'elevenlabs'`), or `undefined`. */
  getIntegration(
    userId: number,
    type: string,
    options?: RevealSecretsOptions,
  ): Integration | undefined
  /** Connects a type for a user: its required fields present, one integration per type and user. */
  createIntegration(userId: number, fields: CreateIntegrationFields): Integration
  /** Merges `config` into the stored one; bumps `updated_at` if anything changed. */
  updateIntegration(
    userId: number,
    type: string,
    fields: UpdateIntegrationFields,
  ): Integration | undefined
  deleteIntegration(userId: number, type: string): boolean
  /** Number of integrations across all users. */
  countIntegrations(): number
}

/** Whether two configs hold the same values (the order aside: a snapshot's may differ). */
function sameConfig(a: Readonly<IntegrationConfig>, b: Readonly<IntegrationConfig>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** A change the model refuses, or a config key its type lacks: a `TypeError` naming each problem. */
function refuse(failure: string, type: string, config: object, problems: readonly string[]): void {
  const fields = fieldsOf(type)
  const unknown = Object.keys(config).filter((key) => !fields.includes(key))
  const all = [
    ...unknown.map(
      (key) =>
        `config.${key} is not a field of ${type} (its fields: ${fields.join(', ') || 'none'})`,
    ),
    ...problems,
  ]
  if (all.length > 0) throw new TypeError(`${failure}: ${all.join('; ')}`)
}

/** The integrations' store methods, over the store's integrations and users. */
export function createIntegrationsStore(context: StoreContext): IntegrationsStore {
  const integrations = context.collection(INTEGRATIONS)
  const users = context.collection(USERS)

  function find(userId: number, type: string): IntegrationRecord | undefined {
    for (const record of integrations.ownedBy(userId))
      if (record.integration_type === type) return record
    return undefined
  }

  return {
    listIntegrations(userId, options = {}) {
      return [...integrations.ownedBy(userId)].map((record) =>
        toIntegration(record, options.revealSecrets === true),
      )
    },

    getIntegration(userId, type, options = {}) {
      const record = find(userId, type)
      return record === undefined
        ? undefined
        : toIntegration(record, options.revealSecrets === true)
    },

    createIntegration(userId, fields) {
      const user = users.get(userId)
      if (user === undefined)
        throw new Error(`Failed to find user ${userId}: no such user in the store`)
      const type = fields.integration_type
      const config = mergeConfig(type, {}, fields.config)
      const taken = find(userId, type) !== undefined
      refuse(
        'Failed to create integration',
        type,
        fields.config,
        createProblems(type, config, taken),
      )
      const record: IntegrationRecord = {
        id: integrations.takeId(),
        integration_type: type,
        config: config as IntegrationConfig,
        ...ownership(user, context.stamp()),
      }
      integrations.put(record)
      return toIntegration(record, false)
    },

    updateIntegration(userId, type, fields) {
      const record = find(userId, type)
      if (record === undefined) return undefined
      const sent = fields.config ?? {}
      const config = mergeConfig(type, record.config, sent) as IntegrationConfig
      refuse('Failed to update integration', type, sent, configProblems(type, config))
      if (sameConfig(config, record.config)) return toIntegration(record, false)
      const next: IntegrationRecord = {
        ...record,
        config,
        updated_at: context.stamp(record.updated_at),
      }
      integrations.put(next)
      return toIntegration(next, false)
    },

    deleteIntegration(userId, type) {
      const record = find(userId, type)
      if (record === undefined) return false
      integrations.delete(record.id)
      return true
    },

    countIntegrations() {
      return integrations.size
    },
  }
}
