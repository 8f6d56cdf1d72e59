/** How `mock.store`'s account methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { describeValue } from '../../internal/describe-value.js'
import { oneOf, strictShape, WholeNumberSchema } from '../../internal/input-validation.js'
import {
  EXISTING_USER_ID,
  TextIdSchema,
  type ArgCheck,
  type StoreCalls,
} from '../../store/store-calls.js'
import { findPasswordProblem, isWellFormedEmail } from './account-rules.js'
import { PASSWORD_LENGTH } from './defaults.js'
import { MembershipStatusSchema, RoleSchema } from './schemas.js'
import type { AccountsStore, CreateUserInit } from './store.js'

const EMAIL_RULE = "must be an email address: one '@' and no spaces"
const EmailSchema = z.string({ error: EMAIL_RULE }).refine(isWellFormedEmail, { error: EMAIL_RULE })

const PASSWORD_RULE = `must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long, not blank`
/** A password as sign-up takes one (`findPasswordProblem`, Devise's rule). */
const PasswordSchema = z
  .string({ error: PASSWORD_RULE })
  .refine((password) => findPasswordProblem(password) === undefined, { error: PASSWORD_RULE })

/** `createUser(init)`. */
const CreateUserInitSchema = strictShape(
  {
    email: EmailSchema.optional(),
    password: PasswordSchema.optional(),
    role: oneOf(RoleSchema.options).optional(),
    membershipStatus: oneOf(MembershipStatusSchema.options).optional(),
  } satisfies Record<keyof CreateUserInit, z.ZodType>,
  'field',
).optional()

/** `signUp(fields)`. */
const SignUpFieldsSchema = strictShape({ email: EmailSchema, password: PasswordSchema }, 'field')

/** `issueToken(userId, options)`. */
const IssueTokenOptionsSchema = strictShape(
  { expiresInSeconds: WholeNumberSchema.optional() },
  'option',
).optional()

type EmailOwner = Pick<AccountsStore, 'findUserByEmail'>

/** An email no user has, compared case-insensitively, as Devise's uniqueness validation. */
function takenBy(email: string | undefined, store: EmailOwner): string | undefined {
  const owner = email === undefined ? undefined : store.findUserByEmail(email)
  return owner === undefined
    ? undefined
    : `email must not be taken (compared case-insensitively), got ${describeValue(email)}, which user ${owner.id} has`
}

const INIT: ArgCheck = {
  name: 'init',
  schema: CreateUserInitSchema,
  against: (init: CreateUserInit | undefined, store: EmailOwner) => takenBy(init?.email, store),
}

const SIGN_UP_FIELDS: ArgCheck = {
  name: 'fields',
  schema: SignUpFieldsSchema,
  against: (fields: { email: string }, store: EmailOwner) => takenBy(fields.email, store),
}

const isText = (value: unknown): boolean => typeof value === 'string'

export const ACCOUNT_STORE_CALLS: StoreCalls<AccountsStore> = {
  createUser: { failure: 'Failed to create user', args: [INIT] },
  signUp: { failure: 'Failed to sign up', args: [SIGN_UP_FIELDS] },
  completeTour: { failure: 'Failed to complete the tour', args: [EXISTING_USER_ID] },
  changePassword: {
    failure: 'Failed to change password',
    args: [EXISTING_USER_ID, { name: 'password', schema: PasswordSchema }],
  },
  issueToken: {
    failure: 'Failed to issue a token',
    args: [EXISTING_USER_ID, { name: 'options', schema: IssueTokenOptionsSchema }],
    async: true,
  },
  revokeTokenId: {
    failure: 'Failed to revoke token',
    args: [{ name: 'tokenId', schema: TextIdSchema }],
  },
  findUserByEmail: { lookup: [isText], otherwise: () => undefined },
  authenticatePassword: { lookup: [isText, isText], otherwise: () => undefined },
  authenticateToken: {
    lookup: [isText],
    otherwise: () => Promise.resolve({ ok: false, reason: 'malformed' }),
  },
}
