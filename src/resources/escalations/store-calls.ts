/** How `mock.store`'s escalation methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { oneOf, strictShape } from '../../internal/input-validation.js'
import { RecordIdSchema, USER_ID, type StoreCalls } from '../../store/store-calls.js'
import { HandoffStatusSchema } from './schemas.js'
import type { EscalationsStore } from './store.js'

const ID = { name: 'id', schema: RecordIdSchema }

export const ESCALATION_STORE_CALLS: StoreCalls<EscalationsStore> = {
  listEscalations: {
    failure: 'Failed to list escalations',
    args: [
      USER_ID,
      {
        name: 'query',
        schema: strictShape(
          {
            agent_id: z.string({ error: "must be an agent's id, such as '123'" }).optional(),
            status: oneOf(HandoffStatusSchema.options).optional(),
          },
          'field',
        ).optional(),
      },
    ],
  },
  getEscalation: { failure: 'Failed to get escalation', args: [USER_ID, ID] },
  updateEscalation: {
    failure: 'Failed to update escalation',
    args: [
      USER_ID,
      ID,
      {
        name: 'fields',
        schema: strictShape(
          {
            handoff_status: oneOf(HandoffStatusSchema.options).optional(),
            handled_by: z
              .union([z.string(), z.null()], { error: 'must be a string or null' })
              .optional(),
          },
          'field',
        ),
      },
    ],
  },
}
