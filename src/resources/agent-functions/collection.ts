import { defineCollection } from '../../store/collection.js'
import { functionById } from './catalogue.js'
import {
  AgentFunctionRecordSchema,
  type AgentFunction,
  type AgentFunctionRecord,
} from './schemas.js'

/** A stored workflow in the wire's field order, with its function from the catalogue. */
export function presentAgentFunction(record: AgentFunctionRecord): AgentFunction {
  const fn = functionById(record.function_id)
  if (fn === undefined)
    throw new Error(`Failed to read agent function ${record.id}: no function ${record.function_id}`)
  return {
    id: record.id,
    function_id: record.function_id,
    enabled: record.enabled,
    custom_tool_chain: structuredClone(record.custom_tool_chain),
    effective_tool_chain: structuredClone(record.effective_tool_chain),
    workflow_name: record.workflow_name,
    workflow_description: record.workflow_description,
    trigger_phrases: [...record.trigger_phrases],
    is_custom_workflow: record.is_custom_workflow,
    has_customization: record.has_customization,
    function: structuredClone(fn),
  }
}

/** Agents' workflows, owned by the agent's owner. */
export const AGENT_FUNCTIONS = defineCollection(
  'agent_functions',
  'agent_function',
  AgentFunctionRecordSchema,
  {
    label: 'agent function',
    owner: 'user_id',
    copy: (record: AgentFunctionRecord) => structuredClone(record),
  },
)

export const COLLECTIONS = [AGENT_FUNCTIONS] as const
