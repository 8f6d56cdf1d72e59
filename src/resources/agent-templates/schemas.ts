/** Agent templates on the wire: the web app's `AgentTemplate` type (real-client evidence). */
import * as z from 'zod'
import { envelopeOf, Id, Timestamp } from '../../pipeline/wire.js'
import { AgentBehaviourSchema } from '../agent-behaviours/schemas.js'

/**
 * One template, fields in the order of the app's type. Its `agent_behaviour` is the behaviour
 * `agent_behaviour_id` names, sections included, so the wizard needs no second call.
 */
export const AgentTemplateSchema = z.strictObject({
  id: Id,
  title: z.string(),
  description: z.string(),
  system_prompt: z.string(),
  first_message: z.string(),
  icon_name: z.string(),
  active: z.boolean(),
  position: z.number().int().positive(),
  agent_behaviour_id: Id,
  agent_behaviour: AgentBehaviourSchema,
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** `GET /agent_templates` → 200: every active template, by position. */
export const ListAgentTemplatesResponseSchema = envelopeOf(z.array(AgentTemplateSchema))

export type AgentTemplate = z.infer<typeof AgentTemplateSchema>
export type ListAgentTemplatesResponse = z.infer<typeof ListAgentTemplatesResponseSchema>
