/**
 * What the store's methods accept from the library's callers (`mock.store`), as zod schemas:
 * strict, with no casting and no unknown fields. A request is different: Rails casts its
 * parameters first (`strong-params.ts`) and the core calls the store with the result.
 */
import * as z from 'zod'
import { findPasswordProblem, isWellFormedEmail } from './account-rules.js'
import { JSON_MAX_NESTING, PASSWORD_LENGTH } from './defaults.js'
import {
  BooleanSchema,
  oneOf,
  PositiveIntegerSchema,
  strictShape,
  WholeNumberSchema,
} from './input-validation.js'
import { isPlainJson } from './internal/plain-json.js'
import {
  CreateAgentFieldsSchema,
  CreateApiKeyFieldsSchema,
  MembershipStatusSchema,
  RoleSchema,
  UpdateAgentFieldsSchema,
  UpdateApiKeyFieldsSchema,
} from './schemas.js'
import type { CreateUserInit } from './store.js'

/** A user id or an API key id. */
export const RecordIdSchema = PositiveIntegerSchema

/**
 * An agent id, or the id of a JWT (`jti`) as sign-out revokes it: any text names one, and a
 * lookup of one that does not exist finds nothing.
 */
export const TextIdSchema = z
  .string({ error: 'must be a non-empty string' })
  .min(1, { error: 'must be a non-empty string' })

/** How many keys `generateApiKeys` adds. */
export const KeyCountSchema = WholeNumberSchema

const EMAIL_RULE = "must be an email address: one '@' and no spaces"
const EmailSchema = z.string({ error: EMAIL_RULE }).refine(isWellFormedEmail, { error: EMAIL_RULE })

const PASSWORD_RULE = `must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long, not blank`
/** A password as sign-up takes one (`findPasswordProblem`, Devise's rule). */
const PasswordSchema = z
  .string({ error: PASSWORD_RULE })
  .refine((password) => findPasswordProblem(password) === undefined, { error: PASSWORD_RULE })

/** `createUser(init)`. */
export const CreateUserInitSchema = strictShape(
  {
    email: EmailSchema.optional(),
    password: PasswordSchema.optional(),
    role: oneOf(RoleSchema.options).optional(),
    membershipStatus: oneOf(MembershipStatusSchema.options).optional(),
  } satisfies Record<keyof CreateUserInit, z.ZodType>,
  'field',
).optional()

/** `signUp(fields)`. */
export const SignUpFieldsSchema = strictShape(
  { email: EmailSchema, password: PasswordSchema },
  'field',
)

/** `issueToken(userId, options)`. */
export const IssueTokenOptionsSchema = strictShape(
  { expiresInSeconds: WholeNumberSchema.optional() },
  'option',
).optional()

/** `listApiKeys(userId, options)` and `getApiKey(userId, id, options)`. */
export const RevealOptionsSchema = strictShape(
  { revealKeyValues: BooleanSchema.optional() },
  'option',
).optional()

/** API-key fields: the request's rules, on values as given, and no field the request would drop. */
export const StrictCreateApiKeyFieldsSchema = strictShape(CreateApiKeyFieldsSchema.shape, 'field')
export const StrictUpdateApiKeyFieldsSchema = strictShape(UpdateApiKeyFieldsSchema.shape, 'field')

/**
 * An agent's JSON objects must be plain JSON too: a request's always are, and the store copies
 * them as JSON (a `Date` would become text, a function would vanish).
 */
const AGENT_CONFIGS = {
  conversation_config: 'Conversation config',
  platform_settings: 'Platform settings',
  widget_config: 'Widget config',
} as const

function withPlainJson<Shape extends Record<keyof typeof AGENT_CONFIGS, z.ZodType>>(shape: Shape) {
  return strictShape(shape, 'field').superRefine((fields, ctx) => {
    for (const [name, label] of Object.entries(AGENT_CONFIGS)) {
      const value = (fields as Record<string, unknown>)[name]
      if (value !== undefined && !isPlainJson(value, JSON_MAX_NESTING))
        ctx.addIssue({ code: 'custom', path: [name], message: `${label} must be a JSON object` })
    }
  })
}

/** Agent fields: the request's rules, on values as given, and no field the request would drop. */
export const StrictCreateAgentFieldsSchema = withPlainJson(CreateAgentFieldsSchema.shape)
export const StrictUpdateAgentFieldsSchema = withPlainJson(UpdateAgentFieldsSchema.shape)
