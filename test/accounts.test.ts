import { ERROR_MESSAGES, ERROR_STATUS, SIGN_UP_MESSAGES, SUCCESS_MESSAGES } from 'voiceable-mock'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { DOCUMENTED_USER } from './support/documented.js'

const at = (iso: string) => () => new Date(iso)
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/
const SIGN_IN = 'POST /auth/sign_in'
const SIGN_UP = 'POST /auth/sign_up'
const documented = { email: 'user@example.com', password: 'password' }

/** The 401 of a failed sign-in: Devise's wording, never the message that logs the web app out. */
const INVALID_CREDENTIALS = {
  status: { code: 401, message: 'Invalid Email or password.' },
  error: 'invalid_credentials',
  errors: ['Invalid Email or password.'],
}

it('signs in with the documented user and answers the user, then a JWT, in that order', async () => {
  const mock = createTestMock()
  const res = await call(mock, SIGN_IN, { apiKey: null, json: { user: documented } })
  expect(res.status).toBe(200)
  const { token } = res.body as { token: string }
  expect(token).toMatch(JWT)
  expect(res.text).toBe(
    JSON.stringify({
      status: { code: 200, message: 'Signed in successfully.' },
      data: {
        id: 1,
        email: 'user@example.com',
        role: 'enterprise',
        membership_status: 'active',
        created_at: '2024-01-10T08:00:00Z',
        updated_at: '2024-01-10T08:00:00Z',
      },
      token,
    }),
  )
  expect((await mock.store.authenticateToken(token)).ok).toBe(true)
  expect((await call(mock, 'GET /user/current', { bearer: token })).status).toBe(200)
})

it.each([
  ['upper case', 'USER@EXAMPLE.COM'],
  ['spaces around', '  user@example.com\t'],
  ['both', ' User@Example.com '],
])('matches the email with %s, as Devise does', async (_, email) => {
  const res = await call(createTestMock(), SIGN_IN, {
    apiKey: null,
    json: { user: { email, password: 'password' } },
  })
  expect(res.status).toBe(200)
  expect(res.body.data.email).toBe('user@example.com')
})

it.each([
  ['a wrong password', { email: 'user@example.com', password: 'Password' }],
  ['an unknown email', { email: 'nobody@example.com', password: 'password' }],
  ['no password', { email: 'user@example.com' }],
  ['no email', { password: 'password' }],
  ['neither, but another field', { name: 'x' }],
  ['a password that is not a string', { email: 'user@example.com', password: 12345678 }],
  ['an email that is not a string', { email: ['user@example.com'], password: 'password' }],
  ['the password with a space after it', { email: 'user@example.com', password: 'password ' }],
])(
  'answers %s with 401 in Devise words, not the message that logs the app out',
  async (_, user) => {
    const res = await call(createTestMock(), SIGN_IN, { apiKey: null, json: { user } })
    expect(res.status).toBe(401)
    expect(res.body).toEqual(INVALID_CREDENTIALS)
    expect(res.body.status.message).not.toBe(ERROR_STATUS.unauthorized.message)
    expect(ERROR_STATUS.invalid_credentials.message).toBe(ERROR_MESSAGES.invalidCredentials)
  },
)

it.each([
  ['no body', undefined],
  ['no user wrapper', { email: 'user@example.com', password: 'password' }],
  ['an empty user', { user: {} }],
])('answers a sign-in with %s with 422, as for api_key', async (_, json) => {
  const res = await call(createTestMock(), SIGN_IN, { apiKey: null, json })
  expect(res.status).toBe(422)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.missingWrapper('user')])
})

it.each([
  ['a stale token of another store', { Authorization: 'Bearer aaa.bbb.ccc' }],
  ['an unknown API key', { 'X-API-Key': 'sk_live_nope' }],
  ['a malformed Authorization', { Authorization: 'Basic x' }],
  ['a valid key of another user', { 'X-API-Key': 'your-api-key-here' }],
])('ignores %s on sign-in and sign-up', async (_, headers) => {
  const mock = createTestMock()
  const other = mock.store.createUser({ email: 'other@example.com', password: 'secret1' })
  const signIn = await call(mock, SIGN_IN, {
    apiKey: null,
    headers,
    json: { user: { email: other.email, password: 'secret1' } },
  })
  expect(signIn.status).toBe(200)
  expect(signIn.body.data.id).toBe(other.id)
  const signUp = await call(mock, SIGN_UP, {
    apiKey: null,
    headers,
    json: { user: { email: 'new@example.com', password: 'secret1' } },
  })
  expect(signUp.status).toBe(201)
  // Nothing was authenticated: the journal names no caller.
  for (const entry of mock.journal.entries())
    expect(entry).toMatchObject({ userId: null, credential: null })
})

it("counts sign-ins against the shared anonymous bucket, not the stale token's user", async () => {
  const mock = createTestMock({ rateLimit: { limit: 5 } })
  mock.faults.exhaustRateLimit({ userId: 1 })
  const res = await call(mock, SIGN_IN, { json: { user: documented } })
  expect(res.status).toBe(200)
  expect(res.headers.get('x-ratelimit-remaining')).toBe('4')
  expect((await call(mock, 'GET /api_keys')).status).toBe(429)
})

it('gives each sign-in its own token', async () => {
  const mock = createTestMock()
  const first = await call(mock, SIGN_IN, { apiKey: null, json: { user: documented } })
  const second = await call(mock, SIGN_IN, { apiKey: null, json: { user: documented } })
  expect(first.body.token).not.toBe(second.body.token)
})

it('signs in a user made with createUser, with the password, role and membership it was given', async () => {
  const mock = createTestMock()
  mock.store.createUser({
    email: 'ada@example.com',
    password: 'analytical',
    role: 'admin',
    membershipStatus: 'trial',
  })
  const res = await call(mock, SIGN_IN, {
    apiKey: null,
    json: { user: { email: 'ada@example.com', password: 'analytical' } },
  })
  expect(res.body.data).toMatchObject({ role: 'admin', membership_status: 'trial' })
})

it('signs up a user with role user and membership free, who can sign in and has no API key', async () => {
  const mock = createTestMock({ now: at('2024-03-01T12:00:00Z') })
  const res = await call(mock, SIGN_UP, {
    apiKey: null,
    json: {
      user: {
        email: '  Grace@Example.org ',
        password: 'cobol1959',
        password_confirmation: 'cobol1959',
        role: 'admin',
      },
    },
  })
  expect(res.status).toBe(201)
  expect(res.text).toBe(
    JSON.stringify({
      status: { code: 201, message: SUCCESS_MESSAGES.signedUp },
      data: {
        id: 6,
        email: 'grace@example.org',
        role: 'user',
        membership_status: 'free',
        created_at: '2024-03-01T12:00:00Z',
        updated_at: '2024-03-01T12:00:00Z',
      },
      token: res.body.token,
    }),
  )
  expect((await call(mock, 'GET /api_keys', { bearer: res.body.token })).body.data).toEqual([])
  const signIn = await call(mock, SIGN_IN, {
    apiKey: null,
    json: { user: { email: 'grace@example.org', password: 'cobol1959' } },
  })
  expect(signIn.body.data.id).toBe(6)
})

const M = SIGN_UP_MESSAGES
it.each([
  ['no email', { password: 'secret1' }, [M.emailBlank]],
  ['a blank email', { email: '   ', password: 'secret1' }, [M.emailBlank]],
  ['an email without @', { email: 'ada', password: 'secret1' }, [M.emailInvalid]],
  ['an email with a space', { email: 'a da@example.com', password: 'secret1' }, [M.emailInvalid]],
  ['a taken email', { email: 'USER@example.com', password: 'secret1' }, [M.emailTaken]],
  // Strong parameters cast a number into the string column: 5 is the email "5".
  ['an email that is a number', { email: 5, password: 'secret1' }, [M.emailInvalid]],
  // An object is not a permitted scalar: dropped, so there is no email at all.
  ['an email that is an object', { email: { a: 1 }, password: 'secret1' }, [M.emailBlank]],
  ['no password', { email: 'a@example.com' }, [M.passwordBlank]],
  ['a blank password', { email: 'a@example.com', password: '      ' }, [M.passwordBlank]],
  [
    'a password of 5 characters',
    { email: 'a@example.com', password: '12345' },
    [M.passwordTooShort(6)],
  ],
  [
    'a password of 129 characters',
    { email: 'a@example.com', password: 'x'.repeat(129) },
    [M.passwordTooLong(128)],
  ],
  [
    'a password that is an array (dropped as unpermitted)',
    { email: 'a@example.com', password: ['secret1'] },
    [M.passwordBlank],
  ],
  [
    'a confirmation that differs',
    { email: 'a@example.com', password: 'secret1', password_confirmation: 'secret2' },
    [M.confirmationMismatch],
  ],
  [
    'everything wrong at once',
    { email: 'user@example.com ', password: 'abc', password_confirmation: 'abd' },
    [M.emailTaken, M.confirmationMismatch, M.passwordTooShort(6)],
  ],
  ['nothing at all', { name: 'x' }, [M.emailBlank, M.passwordBlank]],
])(
  'refuses a sign-up with %s: 422 listing every problem in Devise words',
  async (_, user, errors) => {
    const mock = createTestMock()
    const before = mock.store.listUsers().length
    const res = await call(mock, SIGN_UP, { apiKey: null, json: { user } })
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      status: { code: 422, message: `Validation failed: ${errors.join(', ')}` },
      error: 'validation_failed',
      errors,
    })
    expect(mock.store.listUsers()).toHaveLength(before)
  },
)

it('accepts a password of 6 characters counted as Ruby counts them (emoji are one each)', async () => {
  const res = await call(createTestMock(), SIGN_UP, {
    apiKey: null,
    json: { user: { email: 'e@example.com', password: '🔑🔑🔑🔑🔑🔑' } },
  })
  expect(res.status).toBe(201)
})

it('answers a sign-up without the user wrapper with 422', async () => {
  const res = await call(createTestMock(), SIGN_UP, { apiKey: null, json: { email: 'x' } })
  expect(res.status).toBe(422)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.missingWrapper('user')])
})

it('signs out: that token is refused from then on, other tokens and the API keys keep working', async () => {
  const mock = createTestMock()
  const token = (await call(mock, SIGN_IN, { apiKey: null, json: { user: documented } })).body
    .token as string
  const other = await mock.store.issueToken(1)
  const res = await call(mock, 'DELETE /auth/sign_out', { bearer: token })
  expect(res.status).toBe(200)
  expect(res.text).toBe('{"status":{"code":200,"message":"Signed out successfully."}}')
  const refused = await call(mock, 'GET /user/current', { bearer: token })
  expect(refused.status).toBe(401)
  expect(refused.body).toEqual({
    status: { code: 401, message: 'Authentication required.' },
    error: 'unauthorized',
    errors: [ERROR_MESSAGES.revokedToken],
  })
  expect((await call(mock, 'GET /agents', { bearer: token })).status).toBe(401)
  expect((await call(mock, 'GET /user/current', { bearer: other })).status).toBe(200)
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
  // Signing out again with it changes nothing and is still 200.
  expect((await call(mock, 'DELETE /auth/sign_out', { bearer: token })).status).toBe(200)
  expect(mock.snapshot().revoked_token_ids).toHaveLength(1)
})

it.each([
  ['no credential', { apiKey: null }],
  ['a token of another store', { apiKey: null, bearer: 'aaa.bbb.ccc' }],
  ['an API key', {}],
  ['a malformed Authorization', { apiKey: null, headers: { Authorization: 'Bearer' } }],
])('answers sign-out with %s with 200 and revokes nothing', async (_, options) => {
  const mock = createTestMock()
  const res = await call(mock, 'DELETE /auth/sign_out', options)
  expect(res.status).toBe(200)
  expect(res.body).toEqual({ status: { code: 200, message: SUCCESS_MESSAGES.signedOut } })
  expect(mock.snapshot().revoked_token_ids).toEqual([])
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
})

it('revokes the JWT sent beside an API key of the same user on sign-out', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  await call(mock, 'DELETE /auth/sign_out', { headers: { Authorization: `Bearer ${token}` } })
  expect((await call(mock, 'GET /user/current', { apiKey: null, bearer: token })).status).toBe(401)
})

it('keeps revocations in snapshots, and reset() clears them', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  await call(mock, 'DELETE /auth/sign_out', { apiKey: null, bearer: token })
  const restored = createTestMock({ snapshot: mock.snapshot() })
  expect((await call(restored, 'GET /user/current', { apiKey: null, bearer: token })).status).toBe(
    401,
  )
  mock.reset()
  expect((await call(mock, 'GET /user/current', { apiKey: null, bearer: token })).status).toBe(200)
})

it.each([
  ['a JWT', 'jwt'],
  ['a private key', 'private'],
  ['a public key, even when public keys may not manage keys', 'public'],
] as const)('answers GET /user/current with %s: 200 and the user', async (_, kind) => {
  const mock = createTestMock({ publicKeyAccess: 'forbidden' })
  const options =
    kind === 'jwt'
      ? { apiKey: null, bearer: await mock.store.issueToken(1) }
      : kind === 'public'
        ? { apiKey: mock.store.createApiKey(1, { name: 'W', key_type: 'public' }).key_value }
        : {}
  const res = await call(mock, 'GET /user/current', options)
  expect(res.status).toBe(200)
  expect(res.body).toEqual({
    status: { code: 200, message: SUCCESS_MESSAGES.read },
    // The web app's tour flag after the user's fields (docs/fidelity.md), which keep their bytes.
    data: { ...DOCUMENTED_USER, assistant_detail_tour_completed: false },
  })
  expect(res.text).toContain(JSON.stringify(DOCUMENTED_USER).slice(0, -1) + ',"assistant_detail')
})

it.each([
  ['no credential', { apiKey: null }, ERROR_MESSAGES.missingCredentials],
  ['an unknown key', { apiKey: 'sk_live_nope' }, ERROR_MESSAGES.invalidApiKey],
  ['a forged token', { apiKey: null, bearer: 'aaa.bbb.ccc' }, ERROR_MESSAGES.invalidToken],
])('answers GET /user/current with %s with 401', async (_, options, reason) => {
  const res = await call(createTestMock(), 'GET /user/current', options)
  expect(res.status).toBe(401)
  expect(res.body.status.message).toBe('Authentication required.')
  expect(res.body.errors).toEqual([reason])
})

it('never sends a password in any response, and the journal masks passwords and tokens', async () => {
  const mock = createTestMock()
  mock.store.createUser({ email: 'ada@example.com', password: 'ada-secret-1' })
  const signIn = await call(mock, SIGN_IN, {
    apiKey: null,
    json: { user: { email: 'ada@example.com', password: 'ada-secret-1' } },
  })
  await call(mock, SIGN_UP, {
    apiKey: null,
    json: {
      user: { email: 'x', password: 'grace-secret', password_confirmation: 'grace-secret!' },
    },
  })
  await call(mock, SIGN_IN, {
    apiKey: null,
    body: '{"user":{"password":"ada-secret-1"',
    headers: { 'Content-Type': 'application/json' },
  })
  const text = JSON.stringify(mock.journal.entries())
  for (const secret of ['ada-secret-1', 'grace-secret', signIn.body.token as string])
    expect(text).not.toContain(secret)
  const [first, second, third] = mock.journal.entries()
  expect(first?.body).toEqual({ user: { email: 'ada@example.com', password: '********' } })
  expect(first?.response).toMatchObject({ token: '********' })
  expect(second?.body).toEqual({
    user: { email: 'x', password: '********', password_confirmation: '********' },
  })
  expect(third?.body).toBe('[withheld: an unparsed body that mentions a password]')
})

it('gives every user the password "password", role enterprise and membership active by default', () => {
  const mock = createTestMock({ scenario: 'multi-tenant' })
  mock.store.createUser()
  for (const user of mock.snapshot().users)
    expect(user).toMatchObject({
      password: 'password',
      role: 'enterprise',
      membership_status: 'active',
    })
})

it('gives generated users seeded timestamps after user 1 and before their first key', () => {
  const users = createTestMock({ seed: 42 }).snapshot().users
  expect(createTestMock({ seed: 42 }).snapshot().users).toEqual(users)
  const keys = createTestMock({ seed: 42 }).snapshot().api_keys
  let previous = '2024-01-10T08:00:00Z'
  for (const user of users.slice(1)) {
    expect(user.created_at >= previous).toBe(true)
    expect(user.updated_at).toBe(user.created_at)
    const first = keys.find((key) => key.user_id === user.id)
    if (first !== undefined) expect(user.created_at <= first.created_at).toBe(true)
    previous = user.created_at
  }
  expect(new Set(users.map((user) => user.created_at)).size).toBe(users.length)
})

it('refuses createUser with an empty password or an unknown role', () => {
  const { store } = createTestMock()
  expect(() => store.createUser({ password: '' })).toThrow(
    new TypeError(
      'Failed to create user: password must be 6 to 128 characters long, not blank, got a string of 0 characters',
    ),
  )
  // @ts-expect-error not a role
  expect(() => store.createUser({ role: 'root' })).toThrow(
    new TypeError(
      "Failed to create user: role must be one of 'user', 'admin', 'enterprise', got 'root'",
    ),
  )
})

it('completes the tour with a JSON content type and no body: GET /user/current then shows the flag', async () => {
  const mock = createTestMock({ now: at('2024-03-01T12:00:00Z') })
  const token = await mock.store.issueToken(1)
  const before = await call(mock, 'GET /user/current', { apiKey: null, bearer: token })
  expect((before.body as { data: Record<string, unknown> }).data).toMatchObject({
    assistant_detail_tour_completed: false,
  })
  const done = await call(mock, 'PATCH /user/tour_completion', {
    apiKey: null,
    bearer: token,
    headers: { 'Content-Type': 'application/json' },
  })
  expect(done.status).toBe(200)
  expect(done.body).toMatchObject({
    data: { id: 1, assistant_detail_tour_completed: true, updated_at: '2024-03-01T12:00:00Z' },
  })
  // Idempotent: a second close answers the same user, `updated_at` unmoved.
  const again = await call(mock, 'PATCH /user/tour_completion', { apiKey: null, bearer: token })
  expect(again.body).toEqual(done.body)
  const after = await call(mock, 'GET /user/current', { apiKey: null, bearer: token })
  expect((after.body as { data: unknown }).data).toEqual((done.body as { data: unknown }).data)
  // Only the caller's flag moves.
  expect(mock.store.getUser(2)?.assistant_detail_tour_completed).toBe(false)
})

it('changes the password as Devise does: current password checked, 422 lists every problem', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  const put = (user: Record<string, unknown>) =>
    call(mock, 'PUT /user/password', { apiKey: null, bearer: token, json: { user } })
  const wrong = await put({ current_password: 'nope', password: 'abc', password_confirmation: 'x' })
  expect(wrong.status).toBe(422)
  expect(wrong.body).toMatchObject({
    errors: [
      'Current password is invalid',
      "Password confirmation doesn't match Password",
      'Password is too short (minimum is 6 characters)',
    ],
  })
  const blank = await put({ current_password: '', password: 'new-password-1' })
  expect(blank.body).toMatchObject({ errors: ["Current password can't be blank"] })
  expect((await put({})).status).toBe(422)
  const done = await put({
    current_password: 'password',
    password: 'new-password-1',
    password_confirmation: 'new-password-1',
  })
  expect(done.status).toBe(200)
  expect(done.body).toEqual({ status: { code: 200, message: 'Password updated successfully.' } })
  // The new password signs in, the old one no longer does; the caller's token still works.
  const signIn = (password: string) =>
    call(mock, SIGN_IN, { apiKey: null, json: { user: { ...documented, password } } })
  expect((await signIn('new-password-1')).status).toBe(200)
  expect((await signIn('password')).status).toBe(401)
  expect((await call(mock, 'GET /user/current', { apiKey: null, bearer: token })).status).toBe(200)
})
