/** How `mock.store`'s outcome-definition methods check their arguments (strict, no casting). */
import { strictShape } from '../../internal/input-validation.js'
import { TextIdSchema, USER_ID, type StoreCalls } from '../../store/store-calls.js'
import { CreateOutcomeDefinitionFieldsSchema, OutcomeDefinitionFieldsSchema } from './schemas.js'
import type { OutcomeDefinitionsStore } from './store.js'

const AGENT_ID = { name: 'agentId', schema: TextIdSchema }

export const OUTCOME_DEFINITION_STORE_CALLS: StoreCalls<OutcomeDefinitionsStore> = {
  createOutcomeDefinition: {
    failure: 'Failed to create outcome definition',
    args: [
      USER_ID,
      AGENT_ID,
      { name: 'fields', schema: strictShape(CreateOutcomeDefinitionFieldsSchema.shape, 'field') },
    ],
  },
  updateOutcomeDefinition: {
    failure: 'Failed to update outcome definition',
    args: [
      USER_ID,
      AGENT_ID,
      { name: 'fields', schema: strictShape(OutcomeDefinitionFieldsSchema.shape, 'field') },
    ],
  },
}
