import * as z from 'zod'
import { ApiKeyRecordSchema } from './schemas.js'

/** The `format` tag of every snapshot this version writes and reads. */
export const SNAPSHOT_FORMAT = 'voiceable-mock/snapshot@1'

const PositiveId = z.number().int().positive()

/**
 * The whole store as plain JSON: users, keys (secrets included, so a restored store still
 * authenticates), id counters and the JWT signing secret (so issued tokens stay valid).
 * The demo server's `--data` file uses the same format.
 */
export const SnapshotSchema = z
  .strictObject({
    format: z.literal(SNAPSHOT_FORMAT),
    next_user_id: PositiveId,
    next_api_key_id: PositiveId,
    token_secret: z.string().regex(/^[\w-]{43,}$/, 'must be at least 32 bytes of base64url'),
    users: z.array(z.strictObject({ id: PositiveId, email: z.string().min(1) })),
    api_keys: z.array(ApiKeyRecordSchema),
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
  })

export type Snapshot = z.infer<typeof SnapshotSchema>

/** Thrown when a snapshot does not validate; the message names each bad field. */
export class SnapshotError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`Failed to load snapshot: ${problems.join('; ')}`)
    this.name = 'SnapshotError'
    this.problems = problems
  }
}

/** Validates unknown input (parsed JSON) as a snapshot, or throws a `SnapshotError`. */
export function parseSnapshot(input: unknown): Snapshot {
  const result = SnapshotSchema.safeParse(input)
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
