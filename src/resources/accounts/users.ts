/**
 * The accounts' data: users (every record of every resource is owned by one), the JWT signing
 * secret and the ids of tokens revoked by signing out.
 */
import * as z from 'zod'
import { defineCollection } from '../../store/collection.js'
import { defineState } from '../../store/context.js'
import {
  DEFAULT_MEMBERSHIP_STATUS,
  DEFAULT_PASSWORD,
  DEFAULT_ROLE,
  TOUR_COMPLETED_AT_START,
} from './defaults.js'
import { DOCUMENTED_USER } from './documented.js'
import { UserRecordSchema } from './schemas.js'
import { toCurrentUser } from './factory.js'

/** Users, passwords included (demo data). */
export const USERS = defineCollection('users', 'user', UserRecordSchema, {
  label: 'user',
  copy: (user) => ({ ...toCurrentUser(user), password: user.password }),
  // Format 1 kept users' ids and emails only.
  format1Defaults: {
    role: DEFAULT_ROLE,
    membership_status: DEFAULT_MEMBERSHIP_STATUS,
    created_at: DOCUMENTED_USER.created_at,
    updated_at: DOCUMENTED_USER.updated_at,
    assistant_detail_tour_completed: TOUR_COMPLETED_AT_START,
    password: DEFAULT_PASSWORD,
  },
})

/** The HMAC secret JWTs are signed with: kept, so issued tokens stay valid across restores. */
export const TOKEN_SECRET = defineState({
  key: 'token_secret',
  schema: z.string().regex(/^[\w-]{43,}$/, 'must be at least 32 bytes of base64url'),
  toJson: (secret: string): string => secret,
})

/** The `jti` of every token revoked by signing out: kept, so they stay revoked. */
export const REVOKED_TOKEN_IDS = defineState({
  key: 'revoked_token_ids',
  schema: z.array(z.string().min(1)).transform((ids) => new Set(ids)),
  toJson: (ids: Set<string>): string[] => [...ids],
  missing: () => new Set<string>(),
})

export const COLLECTIONS = [USERS] as const
export const STATE = [TOKEN_SECRET, REVOKED_TOKEN_IDS] as const
