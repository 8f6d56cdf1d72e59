/** How `mock.store`'s integration methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { BooleanSchema, oneOf, strictShape } from '../../internal/input-validation.js'
import { EXISTING_USER_ID, TextIdSchema, UNCHECKED, USER_ID } from '../../store/store-calls.js'
import type { StoreCalls } from '../../store/store-calls.js'
import { INTEGRATION_TYPES } from './catalogue.js'
import type { IntegrationsStore } from './store.js'

/** `listIntegrations(userId, options)` and `getIntegration(userId, type, options)`. */
const REVEAL = strictShape({ revealSecrets: BooleanSchema.optional() }, 'option')
const OPTIONS = { name: 'options', schema: REVEAL.optional() }
const TYPE = { name: 'type', schema: TextIdSchema }

/**
 * A config as given: an object whose values are text, numbers, or `null` to clear a field.
 * @note Checked here, not by a schema, so that a problem never quotes a value back: it may be a
 * secret.
 */
function configProblem(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    return 'fields.config must be an object of field values'
  const isValue = (value: unknown) =>
    value === null || typeof value === 'string' || Number.isFinite(value)
  const bad = Object.entries(config).find(([, value]) => !isValue(value))
  return bad === undefined
    ? undefined
    : `fields.config.${bad[0]} must be a string, a number or null`
}

/**
 * Integration fields: a known type and a config of plain values. What each type's config needs
 * (its fields, the required ones) is checked by the store method, which knows the type.
 */
const CREATE_FIELDS = {
  name: 'fields',
  schema: strictShape({ integration_type: oneOf(INTEGRATION_TYPES), config: z.unknown() }, 'field'),
  against: (fields: { config: unknown }) => configProblem(fields.config),
}
const UPDATE_FIELDS = {
  name: 'fields',
  schema: strictShape({ config: z.unknown() }, 'field'),
  against: (fields: { config?: unknown }) =>
    fields.config === undefined ? undefined : configProblem(fields.config),
}

export const INTEGRATION_STORE_CALLS: StoreCalls<IntegrationsStore> = {
  listIntegrations: { failure: 'Failed to list integrations', args: [UNCHECKED, OPTIONS] },
  getIntegration: {
    failure: 'Failed to get integration',
    args: [UNCHECKED, UNCHECKED, OPTIONS],
  },
  createIntegration: {
    failure: 'Failed to create integration',
    args: [EXISTING_USER_ID, CREATE_FIELDS],
  },
  updateIntegration: {
    failure: 'Failed to update integration',
    args: [USER_ID, TYPE, UPDATE_FIELDS],
  },
  deleteIntegration: { failure: 'Failed to delete integration', args: [USER_ID, TYPE] },
}
