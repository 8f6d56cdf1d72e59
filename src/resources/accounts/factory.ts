import type { Faker } from '../../store/random.js'
import {
  DEFAULT_MEMBERSHIP_STATUS,
  DEFAULT_PASSWORD,
  DEFAULT_ROLE,
  TOUR_COMPLETED_AT_START,
} from './defaults.js'
import type { CurrentUser, User, UserRecord } from './schemas.js'

/** What generated records need of their owner: the id and email they repeat. */
export type Owner = Pick<User, 'id' | 'email'>

/**
 * A generated user, with the default password, role and membership. Emails use reserved example
 * domains so they never reach a real inbox. @note The email is drawn even when `overrides` gives
 * one, and nothing else is drawn: the seeded sequence of users and keys stays what it always was.
 */
export function createUserData(
  faker: Faker,
  overrides: Partial<UserRecord> & Pick<UserRecord, 'id' | 'created_at'>,
): UserRecord {
  const email = faker.internet.exampleEmail().toLowerCase()
  const { id, created_at: createdAt, ...rest } = overrides
  // Key order here is the snapshot's field order: the wire order, then the password.
  return {
    id,
    email,
    role: DEFAULT_ROLE,
    membership_status: DEFAULT_MEMBERSHIP_STATUS,
    created_at: createdAt,
    updated_at: createdAt,
    assistant_detail_tour_completed: TOUR_COMPLETED_AT_START,
    password: DEFAULT_PASSWORD,
    ...rest,
  }
}

/**
 * The fields every owned record ends with, in the documented order: its owner, and its creation
 * time (also its last update).
 */
export function ownership(owner: Owner, createdAt: string) {
  return {
    user_id: owner.id,
    user_email: owner.email,
    created_at: createdAt,
    updated_at: createdAt,
  }
}

/** A user in the wire format: a copy, without the password. */
export function toUser(record: UserRecord): User {
  return {
    id: record.id,
    email: record.email,
    role: record.role,
    membership_status: record.membership_status,
    created_at: record.created_at,
    updated_at: record.updated_at,
  }
}

/** A user as `GET /user/current` shows them: the user, then the tour flag. */
export function toCurrentUser(record: UserRecord): CurrentUser {
  return {
    ...toUser(record),
    assistant_detail_tour_completed: record.assistant_detail_tour_completed,
  }
}
