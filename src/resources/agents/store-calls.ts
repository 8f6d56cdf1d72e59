/** How `mock.store`'s agent methods check their arguments (strict, no casting). */
import type * as z from 'zod'
import { JSON_MAX_NESTING } from '../../defaults.js'
import { strictShape } from '../../internal/input-validation.js'
import { isPlainJson } from '../../internal/plain-json.js'
import {
  EXISTING_USER_ID,
  TextIdSchema,
  USER_ID,
  type StoreCalls,
} from '../../store/store-calls.js'
import { CreateAgentFieldsSchema, UpdateAgentFieldsSchema } from './schemas.js'
import type { AgentsStore } from './store.js'

/**
 * An agent's JSON objects must be plain JSON too: a request's always are, and the store copies
 * them as JSON (a `Date` would become text, a function would vanish).
 */
const AGENT_CONFIGS = {
  conversation_config: 'Conversation config',
  platform_settings: 'Platform settings',
  widget_config: 'Widget config',
} as const

function withPlainJson<Shape extends Record<keyof typeof AGENT_CONFIGS, z.ZodType>>(shape: Shape) {
  return strictShape(shape, 'field').superRefine((fields, ctx) => {
    for (const [name, label] of Object.entries(AGENT_CONFIGS)) {
      const value = (fields as Record<string, unknown>)[name]
      if (value !== undefined && !isPlainJson(value, JSON_MAX_NESTING))
        ctx.addIssue({ code: 'custom', path: [name], message: `${label} must be a JSON object` })
    }
  })
}

const ID = { name: 'id', schema: TextIdSchema }

export const AGENT_STORE_CALLS: StoreCalls<AgentsStore> = {
  createAgent: {
    failure: 'Failed to create agent',
    args: [
      EXISTING_USER_ID,
      { name: 'fields', schema: withPlainJson(CreateAgentFieldsSchema.shape) },
    ],
  },
  updateAgent: {
    failure: 'Failed to update agent',
    args: [USER_ID, ID, { name: 'fields', schema: withPlainJson(UpdateAgentFieldsSchema.shape) }],
  },
  deleteAgent: { failure: 'Failed to delete agent', args: [USER_ID, ID] },
  publishAgent: { failure: 'Failed to publish agent', args: [USER_ID, ID] },
}
