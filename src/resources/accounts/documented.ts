import { DEFAULT_MEMBERSHIP_STATUS, DEFAULT_ROLE } from './defaults.js'
import type { User } from './schemas.js'

/**
 * User 1, the owner of every documented example (`user_id: 1`, `user@example.com`). Every
 * documented request example authenticates as them.
 */
export const DOCUMENTED_USER: Readonly<User> = Object.freeze({
  id: 1,
  email: 'user@example.com',
  role: DEFAULT_ROLE,
  membership_status: DEFAULT_MEMBERSHIP_STATUS,
  // @note Not documented: the timestamp of the user's documented key, the oldest in the docs.
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
})
