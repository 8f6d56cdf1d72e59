import { TOUR_COMPLETED_AT_START } from './defaults.js'

/**
 * Brings a snapshot written before users had the tour flag up to date: each user without
 * `assistant_detail_tour_completed` has not finished the tour (`TOUR_COMPLETED_AT_START`).
 */
export function upgradeSnapshot(snapshot: Record<string, unknown>): Record<string, unknown> {
  const users = snapshot['users']
  if (!Array.isArray(users)) return snapshot
  return {
    ...snapshot,
    users: users.map((user: unknown) =>
      typeof user === 'object' && user !== null && !('assistant_detail_tour_completed' in user)
        ? { ...user, assistant_detail_tour_completed: TOUR_COMPLETED_AT_START }
        : user,
    ),
  }
}
