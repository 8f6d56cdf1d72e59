/**
 * The code behind sign in, sign up, sign out and the current user: what the Voiceable web app
 * calls (reference §2.2 [client-code]; `voiceable-client-contract.md`; `resource.json`). Devise's
 * behaviour where the API is silent.
 */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ApiError, failWith } from '../../pipeline/envelope.js'
import { ownerOf } from '../../pipeline/fields.js'
import { permitFields, PERMIT } from '../../pipeline/strong-params.js'
import type { Resolver } from '../resource.js'
import { findPasswordProblem, isWellFormedEmail, normalizeEmail } from './account-rules.js'
import { PASSWORD_LENGTH } from './defaults.js'
import { SIGN_UP_MESSAGES } from './messages.js'
import data from './resource.json' with { type: 'json' }
import type { User } from './schemas.js'
import type { AccountsStore } from './store.js'

type Context = EndpointContext<AccountsStore>

const invalidCredentials = failWith(
  'invalid_credentials',
  data.errors.invalid_credentials,
  data.errorMessages.invalidCredentials,
)

/** The body wrapper of sign-in and sign-up: `{"user": {...}}`, as the web app sends it. */
const WRAPPER = 'user'

/**
 * Devise's `sign_in` and `sign_up` parameters, `params.require(:user).permit(:email, :password,
 * :password_confirmation)`: a number becomes its string, an object or array is dropped.
 */
const USER_PERMIT = {
  email: PERMIT.string,
  password: PERMIT.string,
  password_confirmation: PERMIT.string,
} as const

/** The permitted and cast fields of a `{"user": {...}}` body: strings, or absent. */
function textFields<const Name extends string>(
  context: Context,
  permit: Readonly<Record<Name, typeof PERMIT.string>>,
): { [Field in Name]?: string | undefined } {
  const fields = permitFields(permit, context.fields(WRAPPER))
  const texts: { [Field in Name]?: string | undefined } = {}
  for (const name of Object.keys(permit) as Name[]) {
    const value = fields[name]
    texts[name] = typeof value === 'string' ? value : undefined
  }
  return texts
}

const userFields = (context: Context) => textFields(context, USER_PERMIT)

/**
 * What Devise's `validatable` says about a new password, in its order: blank, confirmation
 * (only when sent, as Rails' `validates_confirmation_of`), then length (unless blank).
 */
function newPasswordProblems(password: string | undefined, confirmation: string | undefined) {
  const problems: string[] = []
  const passwordProblem = findPasswordProblem(password)
  if (passwordProblem === 'blank') problems.push(SIGN_UP_MESSAGES.passwordBlank)
  if (confirmation !== undefined && confirmation !== password)
    problems.push(SIGN_UP_MESSAGES.confirmationMismatch)
  if (passwordProblem === 'too-short')
    problems.push(SIGN_UP_MESSAGES.passwordTooShort(PASSWORD_LENGTH.min))
  else if (passwordProblem === 'too-long')
    problems.push(SIGN_UP_MESSAGES.passwordTooLong(PASSWORD_LENGTH.max))
  return problems
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === ''
}

/**
 * What Devise's `validatable` says about a sign-up, in the order it validates (Rails lists every
 * problem): email present, unique, well formed; password present; confirmation matches (checked
 * only when sent, as Rails' `validates_confirmation_of`); password length (unless blank).
 * @note Devise strips and downcases the email before validating (`strip_whitespace_keys`,
 * `case_insensitive_keys`), so uniqueness and format are checked on the normalized email.
 */
function signUpProblems(
  { email, password, password_confirmation: confirmation }: ReturnType<typeof userFields>,
  isTaken: (email: string) => boolean,
): string[] {
  const problems: string[] = []
  if (email === undefined || isBlank(email)) problems.push(SIGN_UP_MESSAGES.emailBlank)
  else {
    const normalized = normalizeEmail(email)
    if (isTaken(normalized)) problems.push(SIGN_UP_MESSAGES.emailTaken)
    if (!isWellFormedEmail(normalized)) problems.push(SIGN_UP_MESSAGES.emailInvalid)
  }
  return [...problems, ...newPasswordProblems(password, confirmation)]
}

/**
 * Devise's `update_with_password` parameters, `params.require(:user).permit(:current_password,
 * :password, :password_confirmation)`.
 */
const PASSWORD_PERMIT = {
  current_password: PERMIT.string,
  password: PERMIT.string,
  password_confirmation: PERMIT.string,
} as const

const passwordFields = (context: Context) => textFields(context, PASSWORD_PERMIT)

/**
 * What Devise's `update_with_password` says, in its order: a wrong (or blank) current password
 * first, then the new password's own validations as at sign-up (blank, confirmation, length).
 */
function changePasswordProblems(
  fields: ReturnType<typeof passwordFields>,
  isCurrent: (password: string) => boolean,
): string[] {
  const problems: string[] = []
  const { current_password: current, password, password_confirmation: confirmation } = fields
  if (current === undefined || !isCurrent(current))
    problems.push(
      isBlank(current)
        ? SIGN_UP_MESSAGES.currentPasswordBlank
        : SIGN_UP_MESSAGES.currentPasswordInvalid,
    )
  return [...problems, ...newPasswordProblems(password, confirmation)]
}

/** The journal's reason for a refused sign-in (the answer itself never says which it was). */
function whyNotSignedIn(context: Context, email: string | undefined, password: string | undefined) {
  if (email === undefined || password === undefined)
    return '401: the body has no email or no password'
  const user = context.store.findUserByEmail(email)
  return user === undefined
    ? `401: no user has the email ${JSON.stringify(email.slice(0, 200))}`
    : `401: wrong password for user ${user.id} (${user.email})`
}

/** The body after `status` of a sign-in or sign-up: the user, then the JWT (the web app stores `token`). */
async function signedIn(context: Context, user: User) {
  return { data: user, token: await context.store.issueToken(user.id) }
}

export const resolvers = {
  signIn(context: Context) {
    const { email, password } = userFields(context)
    // A wrong email, a wrong password and missing fields all answer alike, as Devise does:
    // the answer never tells which emails exist.
    const user =
      email !== undefined && password !== undefined
        ? context.store.authenticatePassword(email, password)
        : undefined
    return signedIn(context, user ?? invalidCredentials(whyNotSignedIn(context, email, password)))
  },
  signUp(context: Context) {
    const fields = userFields(context)
    const problems = signUpProblems(
      fields,
      (email) => context.store.findUserByEmail(email) !== undefined,
    )
    if (problems.length > 0) throw new ApiError('validation_failed', problems)
    const user = context.store.signUp({
      email: fields.email as string,
      password: fields.password as string,
    })
    return signedIn(context, user)
  },
  signOut(context: Context) {
    // @note Always 200, as devise-jwt's sign-out is: with no token, a bad one or an API key
    // there is simply nothing to revoke. A JWT that authenticates is revoked; the user's other
    // tokens and API keys keep working.
    const tokenId = context.principal?.tokenId
    if (tokenId !== undefined) context.store.revokeTokenId(tokenId)
    return {}
  },
  getCurrentUser: (context: Context) => ({ data: context.store.getUser(ownerOf(context)) }),
  // @note The app sends a JSON content type and no body: nothing is read, so that is no 400.
  completeTour: (context: Context) => ({ data: context.store.completeTour(ownerOf(context)) }),
  changePassword(context: Context) {
    const owner = ownerOf(context)
    const problems = changePasswordProblems(passwordFields(context), (password) =>
      context.store.hasPassword(owner, password),
    )
    if (problems.length > 0) throw new ApiError('validation_failed', problems)
    context.store.changePassword(owner, passwordFields(context).password as string)
    return {}
  },
} satisfies Record<string, Resolver<AccountsStore>>
