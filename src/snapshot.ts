import * as z from 'zod'
import { DEFAULT_MEMBERSHIP_STATUS, DEFAULT_PASSWORD, DEFAULT_ROLE } from './defaults.js'
import { DOCUMENTED_USER } from './documented-data.js'
import { AgentSchema, ApiKeyRecordSchema, UserRecordSchema } from './schemas.js'

/** The `format` tag of every snapshot this version writes. */
export const SNAPSHOT_FORMAT = 'voiceable-mock/snapshot@2'

/** The format before accounts and agents: still read, and upgraded on load. */
const SNAPSHOT_FORMAT_1 = 'voiceable-mock/snapshot@1'

const PositiveId = z.number().int().positive()
const TokenSecret = z.string().regex(/^[\w-]{43,}$/, 'must be at least 32 bytes of base64url')

/**
 * The whole store as plain JSON: users (passwords included: demo data), keys (secrets included,
 * so a restored store still authenticates), agents, id counters, the JWT signing secret (so issued
 * tokens stay valid) and the ids of tokens revoked by signing out (so they stay revoked).
 * The demo server's `--data` file uses the same format.
 */
export const SnapshotSchema = z
  .strictObject({
    format: z.literal(SNAPSHOT_FORMAT),
    next_user_id: PositiveId,
    next_api_key_id: PositiveId,
    next_agent_id: PositiveId,
    token_secret: TokenSecret,
    users: z.array(UserRecordSchema),
    api_keys: z.array(ApiKeyRecordSchema),
    agents: z.array(AgentSchema),
    revoked_token_ids: z.array(z.string().min(1)),
  })
  .superRefine((snapshot, ctx) => {
    const emails = new Map<number, string>()
    snapshot.users.forEach((user, index) => {
      if (emails.has(user.id))
        ctx.addIssue({
          code: 'custom',
          path: ['users', index, 'id'],
          message: `duplicate user id ${user.id}`,
        })
      if (user.id >= snapshot.next_user_id)
        ctx.addIssue({
          code: 'custom',
          path: ['next_user_id'],
          message: `must be greater than user id ${user.id}`,
        })
      emails.set(user.id, user.email)
    })
    const keyIds = new Set<number>()
    const keyValues = new Set<string>()
    snapshot.api_keys.forEach((key, index) => {
      const at = (field: string): (string | number)[] => ['api_keys', index, field]
      if (keyIds.has(key.id))
        ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate API key id ${key.id}` })
      if (keyValues.has(key.key_value))
        ctx.addIssue({ code: 'custom', path: at('key_value'), message: 'duplicate key_value' })
      if (key.id >= snapshot.next_api_key_id)
        ctx.addIssue({
          code: 'custom',
          path: ['next_api_key_id'],
          message: `must be greater than API key id ${key.id}`,
        })
      const email = emails.get(key.user_id)
      if (email === undefined)
        ctx.addIssue({
          code: 'custom',
          path: at('user_id'),
          message: `user ${key.user_id} does not exist`,
        })
      else if (email !== key.user_email)
        ctx.addIssue({
          code: 'custom',
          path: at('user_email'),
          message: `must equal user ${key.user_id}'s email ${email}`,
        })
      if (key.updated_at < key.created_at)
        ctx.addIssue({
          code: 'custom',
          path: at('updated_at'),
          message: 'must not be before created_at',
        })
      keyIds.add(key.id)
      keyValues.add(key.key_value)
    })
    const agentIds = new Set<string>()
    snapshot.agents.forEach((agent, index) => {
      const at = (field: string): (string | number)[] => ['agents', index, field]
      if (agentIds.has(agent.id))
        ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate agent id ${agent.id}` })
      if (Number(agent.id) >= snapshot.next_agent_id)
        ctx.addIssue({
          code: 'custom',
          path: ['next_agent_id'],
          message: `must be greater than agent id ${agent.id}`,
        })
      const email = emails.get(agent.user_id)
      if (email === undefined)
        ctx.addIssue({
          code: 'custom',
          path: at('user_id'),
          message: `user ${agent.user_id} does not exist`,
        })
      else if (email !== agent.user_email)
        ctx.addIssue({
          code: 'custom',
          path: at('user_email'),
          message: `must equal user ${agent.user_id}'s email ${email}`,
        })
      if (agent.updated_at < agent.created_at)
        ctx.addIssue({
          code: 'custom',
          path: at('updated_at'),
          message: 'must not be before created_at',
        })
      agentIds.add(agent.id)
    })
  })

export type Snapshot = z.infer<typeof SnapshotSchema>

/**
 * A snapshot written before accounts and agents (`voiceable-mock/snapshot@1`) in today's format:
 * every user gets the default password, role and membership, and the documented user's
 * timestamps (format 1 kept none); no agents, no revoked tokens. Only the format tag is looked
 * at here: the result is then validated like any snapshot, so a problem is still named by field.
 */
function upgradeFormat1(old: Record<string, unknown>): Record<string, unknown> {
  const { users, ...rest } = old
  return {
    ...rest,
    format: SNAPSHOT_FORMAT,
    next_agent_id: 1,
    users: Array.isArray(users)
      ? users.map((user: unknown) =>
          typeof user === 'object' && user !== null
            ? {
                role: DEFAULT_ROLE,
                membership_status: DEFAULT_MEMBERSHIP_STATUS,
                created_at: DOCUMENTED_USER.created_at,
                updated_at: DOCUMENTED_USER.updated_at,
                password: DEFAULT_PASSWORD,
                ...user,
              }
            : user,
        )
      : users,
    agents: [],
    revoked_token_ids: [],
  }
}

function isFormat1(input: unknown): input is Record<string, unknown> {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as { format?: unknown }).format === SNAPSHOT_FORMAT_1
  )
}

/** Thrown when a snapshot does not validate; the message names each bad field. */
export class SnapshotError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`Failed to load snapshot: ${problems.join('; ')}`)
    this.name = 'SnapshotError'
    this.problems = problems
  }
}

/**
 * Validates unknown input (parsed JSON) as a snapshot, or throws a `SnapshotError`. A snapshot
 * of the previous format (`voiceable-mock/snapshot@1`) is upgraded first.
 */
export function parseSnapshot(input: unknown): Snapshot {
  const result = SnapshotSchema.safeParse(isFormat1(input) ? upgradeFormat1(input) : input)
  if (result.success) return result.data
  throw new SnapshotError(
    result.error.issues
      .slice(0, 10)
      .map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
  )
}

/** A zod issue's path as a reader writes it: `api_keys[0].user_id`; `(root)` for none. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}
