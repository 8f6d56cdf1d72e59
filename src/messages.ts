/**
 * The API's words, for assertions: every error code with its status and `status.message`, the
 * sentences of `errors`, and the `status.message` of every success. The pipeline's own and each
 * resource's, gathered from the resource list.
 */
import type { UnionToIntersection } from './internal/types.js'
import {
  PIPELINE_ERRORS,
  PIPELINE_MESSAGES,
  READ_MESSAGE,
  type ErrorDefinition,
} from './pipeline/envelope.js'
import { RESOURCES } from './resources/index.js'

type Resource = (typeof RESOURCES)[number]
type Merged<Field extends keyof Resource> = UnionToIntersection<Resource[Field]>
type ErrorTable = typeof PIPELINE_ERRORS & Merged<'errors'>

/**
 * Error codes (the envelope's `error` field) and the `status` and `status.message` each carries.
 * `unauthorized` uses the exact message the real Voiceable web client checks for
 * ("Authentication required.") so a client under test reacts as it would in production.
 */
export const ERROR_STATUS: {
  readonly [Code in keyof ErrorTable]: { readonly status: number; readonly message: string }
} = Object.fromEntries(
  [PIPELINE_ERRORS, ...RESOURCES.map((resource) => resource.errors)].flatMap(
    (table: Readonly<Record<string, ErrorDefinition>>) =>
      Object.values(table).map(({ code, status, message }) => [code, { status, message }]),
  ),
) as never

/** An error code: the envelope's `error` field. */
export type ErrorCode = keyof typeof ERROR_STATUS

/** The plain-words sentences used in `errors`, named so that tests can assert them. */
export const ERROR_MESSAGES: typeof PIPELINE_MESSAGES & Merged<'errorMessages'> = Object.assign(
  {},
  PIPELINE_MESSAGES,
  ...RESOURCES.map((resource) => resource.errorMessages),
) as never

/** The `status.message` of each successful response: `read` for every read, then each write's. */
export const SUCCESS_MESSAGES: { readonly read: typeof READ_MESSAGE } & Merged<'successMessages'> =
  Object.assign(
    { read: READ_MESSAGE },
    ...RESOURCES.map((resource) => resource.successMessages),
  ) as never

export { SIGN_UP_MESSAGES } from './resources/accounts/messages.js'
