/**
 * The model's rules, shared by the endpoints and `mock.store`: what a config keeps, how an update
 * merges into it, which problems a 422 lists (in Rails' words and order), and how a read masks it.
 */
import { entryOf, fieldsOf, maskSecret } from './catalogue.js'
import { MASK_SENT_BACK_KEEPS_SECRET } from './defaults.js'
import data from './resource.json' with { type: 'json' }
import type { Integration, IntegrationConfig, IntegrationRecord } from './schemas.js'

const MESSAGES = data.errorMessages

/** A config as sent: a value per field, any JSON (a request's config is permitted as a hash). */
type SentConfig = Readonly<Record<string, unknown>>

/** `blank?` as Rails reads it: nothing, `null`, or text of whitespace only. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** The fields of `sent` its type has: a request's other keys are dropped, as unpermitted. */
export function permitConfig(type: string, sent: SentConfig): Record<string, unknown> {
  return Object.fromEntries(
    fieldsOf(type).flatMap((f) => (Object.hasOwn(sent, f) ? [[f, sent[f]]] : [])),
  )
}

/**
 * `stored` with `sent` merged in, in the type's field order: a field not sent keeps its value, a
 * blank one clears it, and a secret sent back as the mask of the stored one keeps the stored one
 * (`MASK_SENT_BACK_KEEPS_SECRET`). Keys the type lacks are ignored.
 */
export function mergeConfig(
  type: string,
  stored: Readonly<IntegrationConfig>,
  sent: SentConfig,
): Record<string, unknown> {
  const secrets = entryOf(type)?.secrets ?? []
  const merged: Record<string, unknown> = {}
  for (const field of fieldsOf(type)) {
    const old = Object.hasOwn(stored, field) ? stored[field] : undefined
    const given = Object.hasOwn(sent, field) ? sent[field] : undefined
    const keep =
      given === undefined ||
      (MASK_SENT_BACK_KEEPS_SECRET &&
        old !== undefined &&
        secrets.includes(field) &&
        given === maskSecret(old))
    const value = keep ? old : given
    if (!isBlank(value)) merged[field] = value
  }
  return merged
}

/** The problems of a merged config: each required field missing, each value not text or a number. */
export function configProblems(type: string, config: Readonly<Record<string, unknown>>): string[] {
  const required = entryOf(type)?.schema.required ?? []
  return fieldsOf(type).flatMap((field) => {
    const value = config[field]
    if (value === undefined)
      return required.includes(field)
        ? [MESSAGES.integrationConfigFieldBlank.replace('{field}', field)]
        : []
    return typeof value === 'string' || typeof value === 'number'
      ? []
      : [MESSAGES.integrationConfigFieldNotText.replace('{field}', field)]
  })
}

/**
 * The problems of a new integration, as Rails lists them: `integration_type`'s presence, inclusion
 * and uniqueness (per user), then `config`'s presence, then each field's. `config` is the merged
 * config, or `undefined` when none was sent.
 */
export function createProblems(
  type: unknown,
  config: Readonly<Record<string, unknown>> | undefined,
  taken: boolean,
): string[] {
  const known = typeof type === 'string' && entryOf(type) !== undefined
  return [
    ...(isBlank(type) ? [MESSAGES.integrationTypeBlank] : []),
    ...(known ? [] : [MESSAGES.integrationTypeUnknown]),
    ...(known && taken ? [MESSAGES.integrationTypeTaken] : []),
    ...(config === undefined
      ? [MESSAGES.integrationConfigBlank]
      : configProblems(String(type), config)),
  ]
}

/**
 * An integration as a read shows it: its config in the type's field order, each secret masked
 * unless `reveal` (`revealSecrets`), and a copy of its type's `schema`.
 */
export function toIntegration(record: IntegrationRecord, reveal: boolean): Integration {
  const entry = entryOf(record.integration_type)
  const config: IntegrationConfig = {}
  for (const field of fieldsOf(record.integration_type)) {
    const value = record.config[field]
    if (value !== undefined)
      config[field] = !reveal && entry?.secrets.includes(field) === true ? maskSecret(value) : value
  }
  return {
    id: record.id,
    integration_type: record.integration_type,
    config,
    schema: structuredClone(
      entry?.schema ?? { required: [], optional: [], fields: {} },
    ) as Integration['schema'],
    user_id: record.user_id,
    user_email: record.user_email,
    created_at: record.created_at,
    updated_at: record.updated_at,
  }
}
