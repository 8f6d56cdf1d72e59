/**
 * Snapshots written before phone numbers were a resource (0.2.0) kept each agent's numbers inside
 * the agent, as an agent is read. Such a snapshot still loads: an agent's numbers become
 * phone-number records (those the snapshot does not hold already), attached to their agent, owned
 * by its user, and dated as it is.
 */
import { DEFAULT_LEGACY_LABEL } from './defaults.js'

/** A snapshot whose agents carry their numbers, with the numbers moved to `phone_numbers`. */
export function upgradeSnapshot(snapshot: Record<string, unknown>): Record<string, unknown> {
  const { agents } = snapshot
  if (!Array.isArray(agents) || !agents.some((agent) => hasNumbers(agent))) return snapshot
  const given = Array.isArray(snapshot['phone_numbers'])
    ? (snapshot['phone_numbers'] as unknown[])
    : []
  const held = new Set(given.map((number) => (number as { id?: unknown } | null)?.id))
  const numbers = [...given]
  const upgraded = agents.map((agent: unknown) => {
    if (!hasNumbers(agent)) return agent
    const { phone_numbers: attached, ...rest } = agent
    for (const number of Array.isArray(attached) ? (attached as unknown[]) : []) {
      if (held.has((number as { id?: unknown } | null)?.id)) continue
      numbers.push({
        ...(typeof number === 'object' ? number : {}),
        label: DEFAULT_LEGACY_LABEL,
        agent_id: Number(rest['id']),
        created_at: rest['created_at'],
        updated_at: rest['created_at'],
        user_id: rest['user_id'],
      })
    }
    return rest
  })
  return { ...snapshot, agents: upgraded, phone_numbers: numbers }
}

function hasNumbers(agent: unknown): agent is Record<string, unknown> {
  return typeof agent === 'object' && agent !== null && 'phone_numbers' in agent
}
