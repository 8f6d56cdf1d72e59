/**
 * Escalations on the wire: the human-handoff events of the caller's conversations, as the web
 * app types them (`HumanHandoffEvent`, `types/outcomes.ts:85-100`; real-client evidence).
 */
import * as z from 'zod'
import { envelopeOf, Id, Timestamp } from '../../pipeline/wire.js'
import { AgentIdSchema } from '../agents/schemas.js'

/** Where a handoff stands: the four values the app's filter and select offer. */
export const HandoffStatusSchema = z.enum(['pending', 'in_progress', 'completed', 'cancelled'])
export type HandoffStatus = z.infer<typeof HandoffStatusSchema>

/** One escalation, fields in the order of the app's type. */
export const EscalationSchema = z.strictObject({
  id: Id,
  conversation_outcome_id: Id,
  escalation_policy_id: Id.nullable(),
  trigger_reason: z.string().nullable(),
  handoff_status: HandoffStatusSchema,
  context_summary: z.string().nullable(),
  intent: z.string().nullable(),
  transcript_excerpt: z.string().nullable(),
  handled_by: z.string().nullable(),
  handled_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type Escalation = z.infer<typeof EscalationSchema>

/** An escalation as the store keeps it: its owner and agent too (the `agent_id` filter), never sent. */
export const EscalationRecordSchema = EscalationSchema.extend({
  agent_id: AgentIdSchema,
  user_id: Id,
})
export type EscalationRecord = z.infer<typeof EscalationRecordSchema>

/**
 * `GET /escalations` → 200: the list one level down, `data.data`, as the app reads it
 * (`EscalationsList.tsx:42-44`; its admin lists read the same nesting).
 */
export const ListEscalationsResponseSchema = envelopeOf(
  z.strictObject({ data: z.array(EscalationSchema) }),
)
export type ListEscalationsResponse = z.infer<typeof ListEscalationsResponseSchema>

/** `GET` and `PATCH /escalations/{id}` → 200: the escalation, one level down as the list. */
export const EscalationResponseSchema = envelopeOf(z.strictObject({ data: EscalationSchema }))
export type EscalationResponse = z.infer<typeof EscalationResponseSchema>

/** `GET /escalations` query: the agent and the status, both optional (empty counts as absent). */
export const ListEscalationsQuerySchema = z.object({
  agent_id: z.string().optional(),
  status: HandoffStatusSchema.optional(),
})
export type ListEscalationsQuery = z.infer<typeof ListEscalationsQuerySchema>

/** `PATCH /escalations/{id}` request body, as the app sends it (`EscalationDetailModal.tsx:45`). */
export const UpdateEscalationRequestSchema = z.object({
  handoff_event: z.object({
    handoff_status: HandoffStatusSchema.optional(),
    handled_by: z.string().nullable().optional(),
  }),
})
export type UpdateEscalationRequest = z.input<typeof UpdateEscalationRequestSchema>

/** The permitted fields of an update, validated. */
export const UpdateEscalationFieldsSchema = UpdateEscalationRequestSchema.shape.handoff_event
export type UpdateEscalationFields = z.infer<typeof UpdateEscalationFieldsSchema>
