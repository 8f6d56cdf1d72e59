/** Agent behaviours on the wire: the web app's `AgentBehaviour` type (real-client evidence). */
import * as z from 'zod'
import { envelopeOf, Id, Timestamp } from '../../pipeline/wire.js'

/** One section of a behaviour: the heading and placeholders of one of the wizard's editors. */
export const AgentBehaviourSectionSchema = z.strictObject({
  id: Id,
  section_type: z.enum(['scenarios', 'phases', 'voice_tone']),
  label: z.string(),
  description: z.string().optional(),
  add_label: z.string().optional(),
  title_placeholder: z.string().optional(),
  description_placeholder: z.string().optional(),
  notes_placeholder: z.string().optional(),
  notes_label: z.string().optional(),
  position: z.number().int().positive(),
})

/** One behaviour, fields in the order of the app's type; `sections` by position. */
export const AgentBehaviourSchema = z.strictObject({
  id: Id,
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  position: z.number().int().positive(),
  sections: z.array(AgentBehaviourSectionSchema),
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** `GET /agent_behaviours` → 200: every active behaviour, by position. */
export const ListAgentBehavioursResponseSchema = envelopeOf(z.array(AgentBehaviourSchema))

/** `GET /agent_behaviours/{id}` → 200. */
export const AgentBehaviourResponseSchema = envelopeOf(AgentBehaviourSchema)

export type AgentBehaviour = z.infer<typeof AgentBehaviourSchema>
export type ListAgentBehavioursResponse = z.infer<typeof ListAgentBehavioursResponseSchema>
export type AgentBehaviourResponse = z.infer<typeof AgentBehaviourResponseSchema>
