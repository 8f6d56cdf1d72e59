/** How `mock.store`'s integration methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { BooleanSchema, oneOf, strictShape } from '../../internal/input-validation.js'
import {
  EXISTING_USER_ID,
  TextIdSchema,
  UNCHECKED,
  USER_ID,
  type StoreCalls,
} from '../../store/store-calls.js'
import { INTEGRATION_TYPES } from './catalogue.js'
import type { IntegrationsStore } from './store.js'

/** `listIntegrations(userId, options)` and `getIntegration(userId, type, options)`. */
const OPTIONS = {
  name: 'options',
  schema: strictShape({ revealSecrets: BooleanSchema.optional() }, 'option').optional(),
}
const TYPE = { name: 'type', schema: TextIdSchema }

/** A config as given: field values as text or numbers, `null` to clear one. */
const CONFIG = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.null()], { error: 'must be a string, a number or null' }),
  { error: 'must be an object of field values' },
)

/**
 * Integration fields: a known type and a config of plain values. What each type's config needs
 * (its fields, the required ones) is checked by the store method, which knows the type.
 */
const CREATE_FIELDS = {
  name: 'fields',
  schema: strictShape({ integration_type: oneOf(INTEGRATION_TYPES), config: CONFIG }, 'field'),
}
const UPDATE_FIELDS = {
  name: 'fields',
  schema: strictShape({ config: CONFIG.optional() }, 'field'),
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
