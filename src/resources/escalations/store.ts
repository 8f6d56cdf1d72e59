/** The escalations part of the store: listed, read and updated through the API, per owner. */
import type { StoreContext } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { ESCALATIONS } from './collection.js'
import type {
  Escalation,
  EscalationRecord,
  ListEscalationsQuery,
  UpdateEscalationFields,
} from './schemas.js'

/** The seeded stream escalations draw from. */
export const ESCALATIONS_STREAM = 31

/** Escalations, as `mock.store` offers them. */
export interface EscalationsStore {
  /** A user's escalations, newest first, filtered by agent and status; those of deleted agents are gone. */
  listEscalations(userId: number, query?: ListEscalationsQuery): Escalation[]
  getEscalation(userId: number, id: number): Escalation | undefined
  /**
   * Sets an escalation's status and handler. `handled_at` is set when it becomes `completed` or
   * `cancelled`, and cleared when it goes back to `pending` or `in_progress`.
   */
  updateEscalation(
    userId: number,
    id: number,
    fields: UpdateEscalationFields,
  ): Escalation | undefined
  /** Number of escalations across all users. */
  countEscalations(): number
}

/** An escalation in the wire format: without its owner and agent. */
function present(record: EscalationRecord): Escalation {
  const { agent_id: _agent, user_id: _owner, ...escalation } = record
  return { ...escalation }
}

const RESOLVED: ReadonlySet<string> = new Set(['completed', 'cancelled'])

/** The escalations' store methods, over the store's escalations and agents. */
export function createEscalationsStore(context: StoreContext): EscalationsStore {
  const escalations = context.collection(ESCALATIONS)
  const agents = context.collection(AGENTS)

  /** One of the owner's escalations whose agent still exists. */
  function live(userId: number, id: number): EscalationRecord | undefined {
    const record = escalations.owned(userId, id)
    return record !== undefined && agents.owned(userId, record.agent_id) !== undefined
      ? record
      : undefined
  }

  return {
    listEscalations(userId, query = {}) {
      return [...escalations.ownedBy(userId)]
        .filter(
          (record) =>
            agents.owned(userId, record.agent_id) !== undefined &&
            (query.agent_id === undefined || record.agent_id === query.agent_id) &&
            (query.status === undefined || record.handoff_status === query.status),
        )
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
        .map(present)
    },

    getEscalation(userId, id) {
      const record = live(userId, id)
      return record === undefined ? undefined : present(record)
    },

    updateEscalation(userId, id, fields) {
      const record = live(userId, id)
      if (record === undefined) return undefined
      const status = fields.handoff_status ?? record.handoff_status
      const next: EscalationRecord = {
        ...record,
        handoff_status: status,
        handled_by: fields.handled_by === undefined ? record.handled_by : fields.handled_by,
      }
      const stamp = context.stamp(record.updated_at)
      if (!RESOLVED.has(status)) next.handled_at = null
      else if (!RESOLVED.has(record.handoff_status) || record.handled_at === null)
        next.handled_at = stamp
      const changed = (Object.keys(next) as (keyof EscalationRecord)[]).some(
        (key) => next[key] !== record[key],
      )
      if (!changed) return present(record)
      next.updated_at = stamp
      escalations.put(next)
      return present(next)
    },

    countEscalations: () => escalations.size,
  }
}
