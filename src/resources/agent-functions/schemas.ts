/**
 * Agent functions on the wire: the web app's `AgentFunction` type, a workflow an agent runs, with
 * the integration `Function` it is made from (real-client evidence).
 */
import * as z from 'zod'
import { envelopeOf, Id, JsonObject } from '../../pipeline/wire.js'

/** One step of a workflow: which integration does what. */
export const ToolInChainSchema = z.strictObject({
  type: z.string(),
  role: z.string(),
  method: z.string().optional(),
  config: JsonObject.optional(),
})

/** What a function needs from the call, by field. */
export const RequiredDataSchema = z.record(
  z.string(),
  z.strictObject({ type: z.string(), required: z.boolean(), description: z.string() }),
)

/** An integration's function, fields in the order of the app's `Function` type. */
export const IntegrationFunctionSchema = z.strictObject({
  id: Id,
  integration_type: z.string(),
  name: z.string(),
  description: z.string(),
  tool_chain: z.array(ToolInChainSchema),
  required_data: RequiredDataSchema,
  enabled: z.boolean(),
})

/** A workflow of one agent, fields in the order of the app's `AgentFunction` type. */
export const AgentFunctionSchema = z.strictObject({
  id: Id,
  function_id: Id.nullable(),
  enabled: z.boolean(),
  custom_tool_chain: z.array(ToolInChainSchema),
  effective_tool_chain: z.array(ToolInChainSchema),
  workflow_name: z.string(),
  workflow_description: z.string(),
  trigger_phrases: z.array(z.string()),
  is_custom_workflow: z.boolean(),
  has_customization: z.boolean(),
  function: IntegrationFunctionSchema,
})

/** An agent function as the store keeps it: its agent and owner, the function by id only. */
export const AgentFunctionRecordSchema = AgentFunctionSchema.omit({ function: true }).extend({
  function_id: Id,
  agent_id: Id,
  user_id: Id,
})

/** `GET /agents/{id}/agent_functions` → 200: the agent's workflows, a flat array, by id. */
export const ListAgentFunctionsResponseSchema = envelopeOf(z.array(AgentFunctionSchema))

export type ToolInChain = z.infer<typeof ToolInChainSchema>
export type IntegrationFunction = z.infer<typeof IntegrationFunctionSchema>
export type AgentFunction = z.infer<typeof AgentFunctionSchema>
export type AgentFunctionRecord = z.infer<typeof AgentFunctionRecordSchema>
export type ListAgentFunctionsResponse = z.infer<typeof ListAgentFunctionsResponseSchema>
