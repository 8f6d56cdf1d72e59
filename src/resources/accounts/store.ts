/**
 * The accounts part of the store: users, passwords (demo data), and the JWTs that sign-in issues
 * and sign-out revokes.
 */
import { API_KEYS } from '../api-keys/collection.js'
import type { StoreContext } from '../../store/context.js'
import type { ApiKeysStore } from '../api-keys/store.js'
import {
  DEFAULT_MEMBERSHIP_STATUS,
  DEFAULT_PASSWORD,
  DEFAULT_ROLE,
  SIGN_UP_MEMBERSHIP_STATUS,
  SIGN_UP_ROLE,
  TOUR_COMPLETED_AT_START,
} from './defaults.js'
import { normalizeEmail } from './account-rules.js'
import { createUserData, toCurrentUser, toUser } from './factory.js'
import type { CurrentUser, MembershipStatus, Role, User, UserRecord } from './schemas.js'
import { createTokenMethods, type TokenMethods } from './tokens.js'
import { USERS } from './users.js'

/** What `createUser` takes: every field is optional. */
export interface CreateUserInit {
  /** Well formed (one `@`, no spaces) and no other user's, compared case-insensitively. Default: generated. */
  email?: string | undefined
  /** 6 to 128 characters, not blank, as sign-up requires. Default `DEFAULT_PASSWORD` (`password`). */
  password?: string | undefined
  /** Default `DEFAULT_ROLE` (`enterprise`). */
  role?: Role | undefined
  /** Default `DEFAULT_MEMBERSHIP_STATUS` (`active`). */
  membershipStatus?: MembershipStatus | undefined
}

/** What `createUser` returns: the new user and the secret of a private key that authenticates as them. */
export interface CreatedUser {
  id: number
  email: string
  apiKey: string
}

/**
 * A user as `listUsers` shows it, for a banner or a test: the password to sign in with (demo
 * data) and the secret of their first private key (or `null`).
 */
export interface UserSummary {
  id: number
  email: string
  password: string
  apiKey: string | null
}

/** Users and tokens, as `mock.store` offers them. */
export interface AccountsStore extends TokenMethods {
  /**
   * Adds a user (password `password`, role `enterprise`, membership `active` unless `init` says
   * otherwise) and a private key for them (named "Default API Key"); returns its secret.
   */
  createUser(init?: CreateUserInit): CreatedUser
  /** A user as `GET /user/current` shows them (the tour flag included). */
  getUser(id: number): CurrentUser | undefined
  listUsers(): UserSummary[]
  /** The user an email names, as Devise finds one: case-insensitive, surrounding spaces ignored. */
  findUserByEmail(email: string): User | undefined
  /** The user whose email and password these are (what sign-in checks), or `undefined`. */
  authenticatePassword(email: string, password: string): User | undefined
  /**
   * Adds a user as `POST /auth/sign_up` does: email normalized, role `user`, membership `free`,
   * no API key. The caller has validated the fields (the endpoint does, as Devise would).
   */
  signUp(fields: { email: string; password: string }): User
  /**
   * Marks the assistant page's product tour as completed for a user (`PATCH
   * /user/tour_completion`): idempotent; `updated_at` moves only when the flag changes.
   */
  completeTour(userId: number): CurrentUser | undefined
  /** Whether this is the user's password (what `PUT /user/password` checks the current one against). */
  hasPassword(userId: number, password: string): boolean
  /**
   * Sets a user's password (`PUT /user/password`, once Devise's checks pass): the old one no
   * longer signs in; issued tokens and API keys keep working.
   */
  changePassword(userId: number, password: string): CurrentUser | undefined
}

/** The accounts' store methods, over the store's users and token state. */
export function createAccountsStore(context: StoreContext): AccountsStore {
  const users = context.collection(USERS)
  /** The first user (lowest id) whose email this is, compared as Devise compares emails. */
  function findByEmail(email: string): UserRecord | undefined {
    const wanted = normalizeEmail(email)
    for (const user of users.values()) if (normalizeEmail(user.email) === wanted) return user
    return undefined
  }

  /** A generated user for `createUser`: a drawn email (drawn again if taken), then `init`'s fields. */
  function drawUser(init: CreateUserInit): UserRecord {
    const id = users.takeId()
    const draw = (): UserRecord =>
      createUserData(context.faker(), {
        id,
        created_at: context.stamp(),
        password: init.password ?? DEFAULT_PASSWORD,
        role: init.role ?? DEFAULT_ROLE,
        membership_status: init.membershipStatus ?? DEFAULT_MEMBERSHIP_STATUS,
        ...(init.email === undefined ? {} : { email: init.email }),
      })
    let user = draw()
    // @note Emails are unique: a generated one that a user already has (rare) is drawn again.
    for (let attempt = 0; init.email === undefined && attempt < 10; attempt++) {
      if (findByEmail(user.email) === undefined) break
      user = draw()
    }
    return user
  }

  return {
    ...createTokenMethods(context),
    createUser(init = {}) {
      const user = drawUser(init)
      users.put(user)
      const key = (context.store as ApiKeysStore).createApiKey(user.id, {
        name: 'Default API Key',
        key_type: 'private',
      })
      return { id: user.id, email: user.email, apiKey: key.key_value }
    },

    getUser(id) {
      const user = users.get(id)
      return user === undefined ? undefined : toCurrentUser(user)
    },

    listUsers() {
      const keys = context.collection(API_KEYS)
      return [...users.values()].map((user) => {
        let apiKey: string | null = null
        for (const key of keys.ownedBy(user.id))
          if (key.key_type === 'private') {
            apiKey = key.key_value
            break
          }
        return { id: user.id, email: user.email, password: user.password, apiKey }
      })
    },

    findUserByEmail(email) {
      const user = findByEmail(email)
      return user === undefined ? undefined : toUser(user)
    },

    authenticatePassword(email, password) {
      const user = findByEmail(email)
      return user === undefined || user.password !== password ? undefined : toUser(user)
    },

    signUp(fields) {
      const createdAt = context.stamp()
      const user: UserRecord = {
        id: users.takeId(),
        email: normalizeEmail(fields.email),
        role: SIGN_UP_ROLE,
        membership_status: SIGN_UP_MEMBERSHIP_STATUS,
        created_at: createdAt,
        updated_at: createdAt,
        assistant_detail_tour_completed: TOUR_COMPLETED_AT_START,
        password: fields.password,
      }
      users.put(user)
      return toUser(user)
    },

    completeTour(userId) {
      const user = users.get(userId)
      if (user === undefined) return undefined
      if (user.assistant_detail_tour_completed) return toCurrentUser(user)
      const next = {
        ...user,
        assistant_detail_tour_completed: true,
        updated_at: context.stamp(user.updated_at),
      }
      users.put(next)
      return toCurrentUser(next)
    },

    hasPassword: (userId, password) => users.get(userId)?.password === password,

    changePassword(userId, password) {
      const user = users.get(userId)
      if (user === undefined) return undefined
      const next = { ...user, password, updated_at: context.stamp(user.updated_at) }
      users.put(next)
      return toCurrentUser(next)
    },
  }
}
