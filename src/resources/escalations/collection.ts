import { defineCollection } from '../../store/collection.js'
import { EscalationRecordSchema, type EscalationRecord } from './schemas.js'

/** Escalations, each owned by the user whose agent's conversation raised it. */
export const ESCALATIONS = defineCollection('escalations', 'escalation', EscalationRecordSchema, {
  label: 'escalation',
  owner: 'user_id',
  copy: (escalation: EscalationRecord) => ({ ...escalation }),
})

export const COLLECTIONS = [ESCALATIONS] as const
