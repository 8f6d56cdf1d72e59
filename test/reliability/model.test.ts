/**
 * Model-based test: random sequences of operations run against the fake (through msw's
 * `getResponse`) and against the reference model in `model.ts`; after every step the status,
 * the body (byte for byte), the rate-limit headers and the invariants must hold.
 *
 * `npm test` runs a quick budget; `npm run test:long` runs `MODEL_RUNS` sequences (10,000).
 * A failure prints the shrunk sequence (fast-check's counterexample) and a trace of its steps.
 * Replay one with `MODEL_SEED=<seed> MODEL_PATH=<path>` from the failure message.
 */
import fc from 'fast-check'
import { getResponse } from 'msw'
import { expect as assert, it } from 'vitest'
import {
  createVoiceableMock,
  ERROR_MESSAGES,
  SCENARIO_HEADER,
  SCENARIOS,
  type Scenario,
  type Snapshot,
  type VoiceableMock,
} from 'voiceable-mock'
import {
  ApiKeyResponseSchema,
  AuthResponseSchema,
  CurrentUserResponseSchema,
  SignOutResponseSchema,
  CreateApiKeyResponseSchema,
  DeleteApiKeyResponseSchema,
  ErrorResponseSchema,
  ListApiKeysResponseSchema,
} from 'voiceable-mock/schemas'
import {
  BEARER_SPELLINGS,
  bodyText,
  credentialHeader,
  cloneState,
  commitCreate,
  errorBody,
  commitUser,
  expect as predict,
  NOT_FOUND_BODY,
  parsePathId,
  routeIdSegment,
  SECRET_FORMAT,
  signedInBody,
  stateFromSnapshot,
  toSnapshot,
  type BodySpec,
  type Credential,
  type Endpoint,
  type Expectation,
  type ModelOptions,
  type ModelRequest,
  type ModelState,
  type ModelToken,
  type PublicKeyAccess,
} from './model.js'
import { recordFigures } from './figures.js'

const RUNS = Number(process.env['MODEL_RUNS'] ?? 300)
const MAX_STEPS = Number(process.env['MODEL_MAX_STEPS'] ?? 40)
const BASE_URLS = [
  'https://api.example.com/api/v1',
  'https://api.voiceable.dev/voiceable-api',
] as const
const START = Date.parse('2024-02-01T00:00:00Z')
const UNKNOWN_SECRET = 'sk_live_doesNotExist0000000000'
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

// ---------------------------------------------------------------------------------------------
// Abstract operations: picks are resolved against the model when the step runs, so a shrunk
// sequence stays meaningful.

type CredentialSpec =
  | {
      kind: 'key'
      pick: number
      from: 'private' | 'any' | 'revoked'
      header: 'x-api-key' | 'bearer'
    }
  | {
      kind: 'jwt'
      pick: number
      tamper: { at: number; char: string } | null
      header: 'authorization' | 'x-api-key'
    }
  | { kind: 'unknown-key'; header: 'x-api-key' | 'bearer' }
  | { kind: 'malformed'; header: 'x-api-key' | 'authorization'; value: string }

type IdSpec =
  | { kind: 'own' | 'any' | 'deleted'; pick: number }
  | { kind: 'next' }
  | { kind: 'raw'; text: string }
  /** A live id spelled as ActiveRecord still casts it: `01`, `1abc`, `1e3`, `1.5`. */
  | {
      kind: 'spelled'
      pick: number
      own: boolean
      spelling: 'zero' | 'letters' | 'exponent' | 'decimal'
    }

/**
 * How a request spells its route, all of which Rails routes alike: HEAD for a GET, PATCH for a
 * PUT (`alias`), a `.json` format suffix, and a doubled slash.
 */
interface RouteSpelling {
  alias: boolean
  format: boolean
  doubleSlash: boolean
}

/** The scenario header (`X-Voiceable-Mock-Scenario`) a request may carry: it switches the store first. */
type ScenarioHeader =
  null | { kind: 'same' } | { kind: 'other'; pick: number } | { kind: 'invalid'; value: string }

interface Via {
  base: number
  route: RouteSpelling
  spelling: number
  credentials: CredentialSpec[]
  scenario: ScenarioHeader
}

type Operation =
  | ({ op: 'list' } & Via)
  | ({ op: 'create'; body: BodySpec } & Via)
  | ({ op: 'get'; id: IdSpec } & Via)
  | ({ op: 'update'; id: IdSpec; body: BodySpec } & Via)
  | ({ op: 'delete'; id: IdSpec } & Via)
  | ({ op: 'unknown'; method: string; path: string } & Via)
  | ({ op: 'signIn'; pick: number; email: EmailSpelling; password: 'right' | 'wrong' } & Via)
  | ({ op: 'signOut' } & Via)
  | ({ op: 'currentUser' } & Via)
  | { op: 'createUser'; email: string | null }
  | { op: 'issueToken'; pick: number; ttl: number | null }
  | { op: 'clock'; seconds: number }
  | { op: 'reset' }
  | { op: 'useScenario'; pick: number }
  | { op: 'snapshot' }
  | { op: 'restore'; pick: number }

const pick = fc.nat(1000)

/** How a sign-in spells a user's email: as stored, shouted with spaces around, or another one. */
type EmailSpelling = 'exact' | 'shouted' | 'unknown'

const credentialArb: fc.Arbitrary<CredentialSpec> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('key' as const),
      pick,
      // Mostly a live private key (the callers that get past authentication), sometimes any key.
      from: fc.constantFrom(
        'private' as const,
        'private' as const,
        'private' as const,
        'any' as const,
        'revoked' as const,
      ),
      header: fc.constantFrom('x-api-key' as const, 'bearer' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('jwt' as const),
      pick,
      tamper: fc.option(
        fc.record({
          at: fc.oneof(fc.constant(-1), fc.nat(400)),
          char: fc.constantFrom(...BASE64URL),
        }),
        { freq: 3 },
      ),
      header: fc.constantFrom(
        'authorization' as const,
        'authorization' as const,
        'x-api-key' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown-key' as const),
      header: fc.constantFrom('x-api-key' as const, 'bearer' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('malformed' as const),
        header: fc.constant('authorization' as const),
        value: fc.constantFrom(
          '',
          'Bearer',
          'Basic dXNlcjpwYXNz',
          'Token abc',
          'Bearer two words',
          'Bearer\ttab',
          'Bearer a,b',
        ),
      }),
      fc.record({
        kind: fc.constant('malformed' as const),
        header: fc.constant('x-api-key' as const),
        value: fc.constantFrom('', ' ', 'two words', 'comma,here', 'sk_live_\u00e9'),
      }),
    ),
  },
)

/** Mostly one credential; sometimes none, sometimes two (both headers, or one header twice). */
const credentialsArb = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(credentialArb) },
  { weight: 1, arbitrary: fc.constant([] as CredentialSpec[]) },
  {
    weight: 2,
    arbitrary: fc.tuple(credentialArb, credentialArb),
  },
)

const scenarioHeaderArb: fc.Arbitrary<ScenarioHeader> = fc.oneof(
  { weight: 40, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant({ kind: 'same' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('other' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('invalid' as const),
      value: fc.constantFrom('nope', 'DOCUMENTED', '__proto__', 'constructor', '', 'x'.repeat(300)),
    }),
  },
)

const viaArb = fc.record({
  base: fc.nat(1),
  route: fc.oneof(
    { weight: 6, arbitrary: fc.constant({ alias: false, format: false, doubleSlash: false }) },
    {
      weight: 2,
      arbitrary: fc.record({
        alias: fc.boolean(),
        format: fc.boolean(),
        doubleSlash: fc.boolean(),
      }),
    },
  ),
  spelling: fc.nat(BEARER_SPELLINGS.length - 1),
  credentials: credentialsArb,
  scenario: scenarioHeaderArb,
})

const idArb: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('own' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('any' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleted' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('next' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('spelled' as const),
      pick,
      own: fc.boolean(),
      spelling: fc.constantFrom(
        'zero' as const,
        'letters' as const,
        'exponent' as const,
        'decimal' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      text: fc.constantFrom(
        '0',
        '-1',
        '1.5',
        '1e3',
        '01',
        '0x1',
        '99999999999999999999',
        '9007199254740993',
        '%00',
        '%20',
        'abc',
        '\uff11',
        '%31',
        '..%2F1',
        '1%2F2',
        ' 1',
        '+1',
        '1.5.json',
        '1.',
        '.json',
        '%31.xml',
      ),
    }),
  },
)

const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 16, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
)

const nameArb = fc.oneof(
  { weight: 10, arbitrary: text },
  {
    weight: 1,
    // Blank, cast (numbers, booleans), dropped (arrays, objects) and long: no cap but the body's.
    arbitrary: fc.constantFrom<unknown>(
      '',
      '   ',
      '\t\n',
      5,
      2.5,
      null,
      true,
      false,
      ['a'],
      { a: 1 },
      'x'.repeat(300),
      ' '.repeat(300),
    ),
  },
)

const listArb = fc.oneof(
  { weight: 8, arbitrary: fc.array(text, { maxLength: 3 }) },
  {
    weight: 1,
    // Cast (numbers, booleans, nulls munged away) or dropped (not a list, or holding a non-scalar).
    arbitrary: fc.constantFrom<unknown>(
      'https://example.com',
      null,
      false,
      5,
      [1],
      ['ok', 2],
      [0.5, true],
      [null],
      ['a', null],
      [{ a: 1 }],
      ['a', ['b']],
      { 0: 'a' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      Array.from({ length: 150 }, (_, i) => `o${i}`),
      ['x'.repeat(3000)],
      ['x'.repeat(3000), 7],
    ),
  },
)

/** Fields the API ignores (strong params): they must never reach the stored key. */
const ignoredArb = fc.constantFrom<Record<string, unknown>>(
  {},
  { id: 999, user_id: 2, user_email: 'evil@example.com' },
  {
    key_value: 'sk_live_chosenByTheCaller000000',
    created_at: '2000-01-01T00:00:00Z',
    updated_at: '2099-01-01T00:00:00Z',
  },
  { role: 'admin' },
)

function optional<T>(arb: fc.Arbitrary<T>, freq: number): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq })
}

const createFieldsArb = fc
  .tuple(
    fc.oneof({ weight: 20, arbitrary: nameArb }, { weight: 1, arbitrary: fc.constant(undefined) }),
    fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom<unknown>('private', 'private', 'public') },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, 'secret', 'PRIVATE', 3, null) },
    ),
    optional(listArb, 2),
    optional(listArb, 2),
    optional(
      fc.oneof(
        { weight: 8, arbitrary: fc.boolean() },
        {
          weight: 2,
          arbitrary: fc.constantFrom<unknown>(
            'yes',
            'no',
            'true',
            'off',
            'F',
            '0',
            '',
            1,
            0,
            null,
            [true],
            {},
          ),
        },
      ),
      2,
    ),
    fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: ignoredArb }),
  )
  .map(([name, keyType, origins, assistants, transient, ignored]) => ({
    ...ignored,
    name,
    key_type: keyType,
    allowed_origins: origins,
    allowed_assistants: assistants,
    transient_assistant: transient,
  }))

const updateFieldsArb = fc
  .tuple(
    optional(nameArb, 2),
    optional(listArb, 2),
    optional(listArb, 2),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: ignoredArb },
      {
        weight: 1,
        arbitrary: fc.constantFrom<Record<string, unknown>>(
          { key_type: 'public' },
          { transient_assistant: true },
        ),
      },
    ),
  )
  .map(([name, origins, assistants, ignored]) => ({
    ...ignored,
    name,
    allowed_origins: origins,
    allowed_assistants: assistants,
  }))

function bodyArb(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BodySpec> {
  return fc.record({
    encoding: fc.oneof(
      { weight: 20, arbitrary: fc.constant('json' as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'json-no-content-type' as const,
          'text-plain' as const,
          'truncated-json' as const,
        ),
      },
    ),
    wrapper: fc.oneof(
      { weight: 20, arbitrary: fc.constant('api_key' as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'bare' as const,
          'null' as const,
          'string' as const,
          'array' as const,
          'top-level-array' as const,
        ),
      },
    ),
    fields,
  })
}

const UNKNOWN_ROUTES: readonly [string, string][] = [
  ['PATCH', '/api_keys'],
  ['GET', '/API_KEYS'],
  ['HEAD', '/Api_Keys/1'],
  ['GET', '/api_keys.json.json'],
  ['POST', '/api_keys/1'],
  ['PUT', '/api_keys'],
  ['DELETE', '/api_keys'],
  ['GET', '/api_keys/1/rotate'],
  ['GET', '/users'],
  ['OPTIONS', '/api_keys'],
]

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: viaArb.map((via) => ({ op: 'list' as const, ...via })) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(viaArb, bodyArb(createFieldsArb))
      .map(([via, body]) => ({ op: 'create' as const, ...via, body })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(viaArb, idArb).map(([via, id]) => ({ op: 'get' as const, ...via, id })),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(viaArb, idArb, bodyArb(updateFieldsArb))
      .map(([via, id, body]) => ({ op: 'update' as const, ...via, id, body })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(viaArb, idArb).map(([via, id]) => ({ op: 'delete' as const, ...via, id })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(viaArb, fc.constantFrom(...UNKNOWN_ROUTES))
      .map(([via, [method, path]]) => ({ op: 'unknown' as const, ...via, method, path })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        viaArb,
        pick,
        fc.constantFrom<EmailSpelling>('exact', 'exact', 'shouted', 'unknown'),
        fc.constantFrom('right' as const, 'right' as const, 'wrong' as const),
      )
      .map(([via, user, email, password]) => ({
        op: 'signIn' as const,
        ...via,
        pick: user,
        email,
        password,
      })),
  },
  {
    weight: 1,
    // Mostly with a token of its own (what the web app sends), so that revoked tokens come back.
    arbitrary: fc
      .tuple(
        viaArb,
        fc.option(
          fc.record({
            kind: fc.constant('jwt' as const),
            pick,
            tamper: fc.constant(null),
            header: fc.constant('authorization' as const),
          }),
          { freq: 4 },
        ),
      )
      .map(([via, jwt]) => ({
        op: 'signOut' as const,
        ...via,
        ...(jwt === null ? {} : { credentials: [jwt] }),
      })),
  },
  { weight: 1, arbitrary: viaArb.map((via) => ({ op: 'currentUser' as const, ...via })) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('createUser' as const),
      email: fc.option(fc.constantFrom('ada@example.com', 'grace@example.org', 'user@example.com')),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('issueToken' as const),
      pick,
      ttl: fc.option(fc.constantFrom(0, 1, 60, 3600), { freq: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('clock' as const),
      seconds: fc.constantFrom(0, 1, 30, 61, 3600, 90_000, -1, -120),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'reset' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('useScenario' as const), pick }) },
  { weight: 1, arbitrary: fc.constant({ op: 'snapshot' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restore' as const), pick }) },
)

interface Config {
  scenario: Scenario
  seed: number
  publicKeyAccess: PublicKeyAccess
  rateLimit: { limit: number; windowSeconds: number } | null
}

/** Scenarios the model runs (`many-keys` is left out: 500 keys make every list slow). */
const MODEL_SCENARIOS: readonly Scenario[] = ['documented', 'empty', 'multi-tenant']

const configArb: fc.Arbitrary<Config> = fc.record({
  scenario: fc.constantFrom<Scenario>('documented', 'documented', 'empty', 'multi-tenant'),
  seed: fc.nat(1_000_000),
  publicKeyAccess: fc.constantFrom<PublicKeyAccess>(
    'forbidden',
    'forbidden',
    'read-only',
    'full-access',
  ),
  rateLimit: fc.option(
    fc.record({ limit: fc.integer({ min: 2, max: 40 }), windowSeconds: fc.constantFrom(10, 60) }),
    { freq: 2 },
  ),
})

// ---------------------------------------------------------------------------------------------
// Running a sequence

const figures = { sequences: 0, steps: 0, requests: 0 }
/** How often each status came back: a model run that only ever sees 401s proves little. */
const statuses = new Map<number, number>()
/** How often the account paths were taken: they must be reached, not just generated. */
const outcomes = new Map<string, number>()
const count = (outcome: string): void =>
  void outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)

class StepFailure extends Error {}

interface Timeline {
  state: ModelState
  /** `created_at` and the latest `updated_at` seen for each key id in this timeline. */
  seen: Map<number, { created_at: string; updated_at: string }>
}

function cloneTimeline(timeline: Timeline): Timeline {
  return {
    state: cloneState(timeline.state),
    seen: new Map([...timeline.seen].map(([id, times]) => [id, { ...times }])),
  }
}

async function runSequence(config: Config, operations: Operation[]): Promise<void> {
  let nowMs = START
  const mock: VoiceableMock = createVoiceableMock({
    scenario: config.scenario,
    seed: config.seed,
    now: () => new Date(nowMs),
    publicKeyAccess: config.publicKeyAccess,
    rateLimit: config.rateLimit ?? false,
    // Only the bases the model sends to: every base URL is one more msw handler to build for each
    // sequence and to try for each request, and the four defaults doubled the run time.
    baseUrl: BASE_URLS,
  })
  /** The state at creation: `reset()` always returns to it, whatever scenario was used since. */
  const initial: Timeline = { state: stateFromSnapshot(mock.snapshot()), seen: new Map() }
  let timeline = cloneTimeline(initial)
  let currentScenario: Scenario = config.scenario
  /** Each scenario's starting state, read from a fresh mock with the same seed (not from the one under test). */
  const startingStates = new Map<Scenario, ModelState>()
  const options: ModelOptions = {
    publicKeyAccess: config.publicKeyAccess,
    rateLimit: config.rateLimit === null ? undefined : { ...config.rateLimit, buckets: new Map() },
  }
  const tokens: ModelToken[] = []
  const saved: { real: Snapshot; model: Timeline }[] = []
  /** Every secret and token the run has seen: none may ever show up in the journal. */
  const secrets = new Set<string>([...timeline.state.keys.values()].map((key) => key.key_value))
  const trace: string[] = []

  /**
   * The store switches scenario: the current data starts over from that scenario's; rate counts
   * and the journal are cleared. The starting state (what `reset()` returns to) stays.
   */
  function switchScenario(scenario: Scenario): void {
    let start = startingStates.get(scenario)
    if (start === undefined) {
      start = stateFromSnapshot(
        // At the clock the mock under test was created at: seeding dates recent calls from it.
        createVoiceableMock({
          scenario,
          seed: config.seed,
          rateLimit: false,
          now: () => new Date(START),
        }).snapshot(),
      )
      startingStates.set(scenario, start)
    }
    currentScenario = scenario
    timeline = { state: cloneState(start), seen: new Map() }
    options.rateLimit?.buckets.clear()
    for (const key of start.keys.values()) secrets.add(key.key_value)
  }

  function resolveScenarioHeader(header: ScenarioHeader): string | undefined {
    if (header === null) return undefined
    if (header.kind === 'same') return currentScenario
    if (header.kind === 'invalid') return header.value
    const others = MODEL_SCENARIOS.filter((scenario) => scenario !== currentScenario)
    return others[header.pick % others.length]
  }

  const fail = (message: string): never => {
    throw new StepFailure(
      `${message}\n  config: ${JSON.stringify(config)}\n  steps:\n    ${trace.join('\n    ')}`,
    )
  }
  const check = (condition: boolean, message: string): void => {
    if (!condition) fail(message)
  }
  /** Whether `call` throws a TypeError with exactly this message. */
  const throwsTypeError = (call: () => unknown, message: string): boolean => {
    try {
      call()
    } catch (error) {
      return error instanceof TypeError && error.message === message
    }
    return false
  }

  function resolveCredential(spec: CredentialSpec): Credential {
    switch (spec.kind) {
      case 'key': {
        const revoked = [...timeline.state.revoked.keys()]
        if (spec.from === 'revoked' && revoked.length > 0)
          return {
            kind: 'key',
            secret: revoked[spec.pick % revoked.length] as string,
            header: spec.header,
          }
        const all = [...timeline.state.keys.values()].sort((a, b) => a.id - b.id)
        const privateKeys = all.filter((key) => key.key_type === 'private')
        const live = spec.from === 'private' && privateKeys.length > 0 ? privateKeys : all
        if (live.length === 0) {
          // No key left (the `empty` scenario): a token if there is one.
          const token = tokens[spec.pick % Math.max(1, tokens.length)]
          return token === undefined
            ? { kind: 'unknown-key', secret: UNKNOWN_SECRET, header: spec.header }
            : { kind: 'jwt', token, tampered: undefined, header: 'authorization' }
        }
        return {
          kind: 'key',
          secret: (live[spec.pick % live.length] as { key_value: string }).key_value,
          header: spec.header,
        }
      }
      case 'jwt': {
        const token = tokens[spec.pick % Math.max(1, tokens.length)]
        // No token issued yet: call with a private key instead, as most callers do.
        if (token === undefined)
          return resolveCredential({
            kind: 'key',
            pick: spec.pick,
            from: 'private',
            header: spec.header === 'x-api-key' ? 'x-api-key' : 'bearer',
          })
        let tampered: string | undefined
        if (spec.tamper !== null) {
          // -1 is the last character, whose spare bits a lax base64url decoder ignores.
          const at =
            spec.tamper.at < 0 ? token.token.length - 1 : spec.tamper.at % token.token.length
          // Dots keep their place: a tampered token must still look like a JWT.
          tampered =
            token.token[at] === '.'
              ? token.token
              : token.token.slice(0, at) + spec.tamper.char + token.token.slice(at + 1)
        }
        return { kind: 'jwt', token, tampered, header: spec.header }
      }
      case 'unknown-key':
        return { kind: 'unknown-key', secret: UNKNOWN_SECRET, header: spec.header }
      case 'malformed':
        return spec
    }
  }

  function describeCredential(credential: Credential): string {
    switch (credential.kind) {
      case 'key': {
        const live = [...timeline.state.keys.values()].find(
          (key) => key.key_value === credential.secret,
        )
        const id = live?.id ?? timeline.state.revoked.get(credential.secret)
        return `${live === undefined ? 'revoked ' : ''}key#${id} via ${credential.header}`
      }
      case 'jwt':
        return `${credential.tampered !== undefined && credential.tampered !== credential.token.token ? 'tampered ' : ''}jwt(user ${credential.token.userId}, exp ${credential.token.exp}) via ${credential.header}`
      case 'unknown-key':
        return `unknown key via ${credential.header}`
      case 'malformed':
        return `${credential.header}: ${JSON.stringify(credential.value)}`
    }
  }

  function resolveId(spec: IdSpec, credentials: Credential[]): string {
    const state = timeline.state
    const ids = [...state.keys.keys()].sort((a, b) => a - b)
    switch (spec.kind) {
      case 'own': {
        const auth = predictCaller(credentials)
        const own = ids.filter((id) => auth !== undefined && state.keys.get(id)?.user_id === auth)
        const pool = own.length > 0 ? own : ids
        return String(pool.length === 0 ? state.nextKeyId : pool[spec.pick % pool.length])
      }
      case 'any':
        return String(ids.length === 0 ? state.nextKeyId : ids[spec.pick % ids.length])
      case 'deleted': {
        const deleted = [...state.revoked.values()]
        return String(deleted.length === 0 ? state.nextKeyId : deleted[spec.pick % deleted.length])
      }
      case 'next':
        return String(state.nextKeyId)
      case 'raw':
        return spec.text
      case 'spelled': {
        const id = resolveId({ kind: spec.own ? 'own' : 'any', pick: spec.pick }, credentials)
        return { zero: `0${id}`, letters: `${id}abc`, exponent: `${id}e3`, decimal: `${id}.5` }[
          spec.spelling
        ]
      }
    }
  }

  function predictCaller(credentials: Credential[]): number | undefined {
    for (const credential of credentials) {
      if (credential.kind === 'key')
        return [...timeline.state.keys.values()].find((key) => key.key_value === credential.secret)
          ?.user_id
      if (credential.kind === 'jwt') return credential.token.userId
    }
    return undefined
  }

  function buildRequest(
    via: Via,
    method: string,
    path: string,
    credentials: Credential[],
    body: BodySpec | undefined,
    scenario: string | undefined,
    json: unknown,
  ): Request {
    const headers = new Headers()
    if (scenario !== undefined) headers.set(SCENARIO_HEADER, scenario)
    const spelling = BEARER_SPELLINGS[via.spelling] ?? 'Bearer '
    for (const credential of credentials) {
      const [name, value] = credentialHeader(credential, spelling)
      headers.append(name, value)
    }
    let payload: string | Uint8Array | undefined
    if (json !== undefined) {
      headers.set('Content-Type', 'application/json')
      payload = JSON.stringify(json)
    }
    if (body !== undefined) {
      const raw = bodyText(body)
      if (body.encoding === 'json-no-content-type') payload = new TextEncoder().encode(raw)
      else {
        headers.set(
          'Content-Type',
          body.encoding === 'text-plain' ? 'text/plain' : 'application/json',
        )
        payload = raw
      }
    }
    const base = BASE_URLS[via.base] ?? BASE_URLS[0]
    return new Request(`${base}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload as BodyInit }),
    })
  }

  /**
   * The method and path of a request as its route spelling says (see `RouteSpelling`), and the
   * id the router reads from the path: `undefined` when no route can hold the id segment.
   */
  function spellRoute(
    route: RouteSpelling,
    documented: 'GET' | 'POST' | 'PUT' | 'DELETE',
    id: string | undefined,
  ): { method: string; path: string; rawId: string | undefined } {
    const method = !route.alias
      ? documented
      : documented === 'GET'
        ? 'HEAD'
        : documented === 'PUT'
          ? 'PATCH'
          : documented
    const collection = route.doubleSlash ? '//api_keys' : '/api_keys'
    const format = route.format ? '.json' : ''
    if (id === undefined) return { method, path: `${collection}${format}`, rawId: undefined }
    const segment = `${id}${format}`
    return {
      method,
      path: `${collection}${route.doubleSlash ? '//' : '/'}${segment}`,
      rawId: routeIdSegment(segment),
    }
  }

  async function send(
    operation: Extract<Operation, Via>,
    endpoint: Endpoint,
    method: string,
    path: string,
    rawId: string | undefined,
    body?: BodySpec,
    signIn?: { email: string; password: string },
  ): Promise<void> {
    const credentials = operation.credentials.map(resolveCredential)
    const scenario = resolveScenarioHeader(operation.scenario)
    const json = signIn === undefined ? undefined : { user: signIn }
    const request = buildRequest(operation, method, path, credentials, body, scenario, json)
    const pathname = new URL(request.url).pathname
    const modelRequest: ModelRequest = {
      endpoint,
      method,
      pathname,
      credentials,
      ...(rawId === undefined ? {} : { rawId }),
      ...(body === undefined ? {} : { body }),
      ...(signIn === undefined ? {} : { signIn }),
    }
    const step = `#${trace.length + 1} ${method} ${pathname}${scenario === undefined ? '' : ` [scenario header ${JSON.stringify(scenario.slice(0, 20))}]`} as [${credentials.map(describeCredential).join(' + ')}]${body === undefined ? '' : ` body ${bodyText(body).slice(0, 200)}${body.encoding === 'json' ? '' : ` (${body.encoding})`}`}${json === undefined ? '' : ` body ${JSON.stringify(json)}`}`
    trace.push(step)
    // The scenario header is read first: an unknown name is a 400 before anything else (no
    // rate count); another scenario switches the store, then the request goes on against it.
    const unknownScenario =
      scenario !== undefined && !(SCENARIOS as readonly string[]).includes(scenario)
    if (scenario !== undefined && !unknownScenario && scenario !== currentScenario)
      switchScenario(scenario as Scenario)
    const usesRevokedKey = credentials.some(
      (credential) => credential.kind === 'key' && timeline.state.revoked.has(credential.secret),
    )
    const expected: Expectation = unknownScenario
      ? {
          status: 400,
          body: errorBody('bad_request', [ERROR_MESSAGES.unknownScenario(scenario)]),
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }
      : predict(timeline.state, options, modelRequest, nowMs)
    const response = await getResponse(mock.handlers, request)
    figures.requests++
    if (response !== undefined)
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    if (response === undefined) return fail(`no handler answered ${method} ${pathname}`)
    const sentText = await response.text()
    trace[trace.length - 1] = `${step} → ${response.status}`
    // A HEAD answers as its GET would, with no body: the GET's body is the journal's to show.
    if (method === 'HEAD') check(sentText === '', `a HEAD answer has a body: ${sentText}`)
    const responseText =
      method === 'HEAD' ? JSON.stringify(mock.journal.last()?.response ?? null) : sentText
    check(
      response.headers.get('content-length') ===
        String(new TextEncoder().encode(responseText).length),
      `content-length ${response.headers.get('content-length')} is not the body's length`,
    )
    if (endpoint === 'signIn') count(`signIn ${response.status}`)
    if (responseText.includes(ERROR_MESSAGES.revokedToken)) count('revoked token refused')
    check(
      response.status === expected.status,
      `status ${response.status}, the model says ${expected.status}; body: ${responseText}`,
    )
    const parsed = JSON.parse(responseText) as unknown

    // Headers: JSON everywhere; rate-limit headers exactly as the model counts them.
    for (const [name, value] of Object.entries(expected.headers)) {
      check(
        response.headers.get(name) === value,
        `header ${name} is ${response.headers.get(name)}, the model says ${value}`,
      )
    }
    if (options.rateLimit === undefined || unknownScenario)
      check(
        !response.headers.has('x-ratelimit-limit'),
        'rate-limit headers on a request that was not counted',
      )

    let expectedBody = expected.body
    if (expected.creates !== undefined) {
      const created = CreateApiKeyResponseSchema.safeParse(parsed)
      if (!created.success) return fail(`create response does not parse: ${created.error.message}`)
      const { id: newId, key_value: secret } = created.data.data
      check(
        !timeline.state.issuedIds.has(newId),
        `id ${newId} was handed out before in this timeline`,
      )
      check(
        secret !== null && SECRET_FORMAT[expected.creates.fields.key_type].test(secret),
        `secret ${secret} has the wrong format`,
      )
      check(
        ![...timeline.state.keys.values()].some((key) => key.key_value === secret),
        'a new secret equals a live one',
      )
      check(!timeline.state.revoked.has(secret), 'a new secret equals a revoked one')
      secrets.add(secret)
      expectedBody = commitCreate(timeline.state, expected.creates, secret, nowMs)
    }
    if (expected.signsIn !== undefined) {
      const signedIn = AuthResponseSchema.safeParse(parsed)
      if (!signedIn.success)
        return fail(`sign-in response does not parse: ${signedIn.error.message}`)
      const { token } = signedIn.data
      tokens.push({
        token,
        userId: expected.signsIn.userId,
        exp: Math.floor(nowMs / 1000) + 24 * 60 * 60,
        tokenId: tokenIdOf(token),
      })
      check(
        !timeline.state.revokedTokenIds.includes(tokenIdOf(token)),
        'a new token has the id of a revoked one',
      )
      expectedBody = signedInBody(timeline.state, expected.signsIn.userId, token)
    }
    const expectedText = JSON.stringify(expectedBody)
    check(
      responseText === expectedText,
      `body differs from the model:\n      fake:  ${responseText.slice(0, 2000)}\n      model: ${expectedText.slice(0, 2000)}`,
    )

    // Every response parses with its wire schema.
    const schema =
      response.status >= 400
        ? ErrorResponseSchema
        : {
            listApiKeys: ListApiKeysResponseSchema,
            createApiKey: CreateApiKeyResponseSchema,
            getApiKey: ApiKeyResponseSchema,
            updateApiKey: ApiKeyResponseSchema,
            deleteApiKey: DeleteApiKeyResponseSchema,
            signIn: AuthResponseSchema,
            signOut: SignOutResponseSchema,
            getCurrentUser: CurrentUserResponseSchema,
            unknownRoute: ErrorResponseSchema,
          }[endpoint]
    const wire = schema.safeParse(parsed)
    check(wire.success, `response does not parse with its schema: ${wire.error?.message}`)

    // key_value is non-null only in a create response.
    if (!(endpoint === 'createApiKey' && response.status === 201))
      check(!/"key_value":"/.test(responseText), 'a secret outside a create response')
    // A foreign key and a missing key answer alike.
    if (
      response.status === 404 &&
      endpoint !== 'unknownRoute' &&
      endpoint !== 'listApiKeys' &&
      endpoint !== 'createApiKey'
    ) {
      check(
        responseText === JSON.stringify(NOT_FOUND_BODY),
        'a 404 body differs from the missing-key body',
      )
    }
    // Error bodies never echo a credential.
    if (response.status >= 400) {
      for (const credential of credentials) {
        const value =
          credential.kind === 'malformed'
            ? undefined
            : credential.kind === 'jwt'
              ? (credential.tampered ?? credential.token.token)
              : credential.secret
        if (value !== undefined)
          check(!responseText.includes(value), 'an error body echoes a credential')
      }
    }
    // A revoked secret never authenticates again (sign-in reads no credential, sign-out needs none).
    if (usesRevokedKey && !OPEN_ENDPOINTS.has(endpoint) && !unknownScenario) {
      check(response.status === 401, 'a revoked key authenticated')
    }
    // created_at never changes; updated_at never goes back.
    const data = API_KEY_ENDPOINTS.has(endpoint) ? (parsed as { data?: unknown }).data : undefined
    for (const key of Array.isArray(data) ? data : data === undefined ? [] : [data]) {
      const {
        id: keyId,
        created_at: createdAt,
        updated_at: updatedAt,
      } = key as { id: number; created_at: string; updated_at: string }
      const before = timeline.seen.get(keyId)
      if (before !== undefined) {
        check(before.created_at === createdAt, `created_at of key ${keyId} changed`)
        check(updatedAt >= before.updated_at, `updated_at of key ${keyId} went back`)
      }
      check(updatedAt >= createdAt, `updated_at of key ${keyId} is before its created_at`)
      timeline.seen.set(keyId, { created_at: createdAt, updated_at: updatedAt })
    }
    // The journal holds this request, with every secret masked.
    const entry = mock.journal.last()
    check(
      entry !== undefined && entry.status === response.status && entry.endpoint === endpoint,
      'the journal did not record the request',
    )
    const journalText = JSON.stringify(entry)
    for (const secret of secrets) check(!journalText.includes(secret), 'the journal holds a secret')
    for (const token of tokens)
      check(!journalText.includes(token.token), 'the journal holds a token')
    check(!UNMASKED_PASSWORD.test(journalText), 'the journal holds a password')
    check(entry?.method === method, `the journal says ${entry?.method}, not ${method}`)
    if (rawId !== undefined)
      check(entry?.keyId === (parsePathId(rawId) ?? null), 'journal keyId differs')
  }

  for (const operation of operations) {
    figures.steps++
    switch (operation.op) {
      case 'list': {
        const { method, path } = spellRoute(operation.route, 'GET', undefined)
        await send(operation, 'listApiKeys', method, path, undefined)
        break
      }
      case 'create': {
        const { method, path } = spellRoute(operation.route, 'POST', undefined)
        await send(operation, 'createApiKey', method, path, undefined, operation.body)
        break
      }
      case 'get':
      case 'update':
      case 'delete': {
        const id = resolveId(operation.id, operation.credentials.map(resolveCredential))
        const endpoint = (
          { get: 'getApiKey', update: 'updateApiKey', delete: 'deleteApiKey' } as const
        )[operation.op]
        const documented = ({ get: 'GET', update: 'PUT', delete: 'DELETE' } as const)[operation.op]
        const { method, path, rawId } = spellRoute(operation.route, documented, id)
        await send(
          operation,
          // A segment no route can hold (`1.5.json`) is the API's routing 404.
          rawId === undefined ? 'unknownRoute' : endpoint,
          method,
          path,
          rawId,
          operation.op === 'update' ? operation.body : undefined,
        )
        break
      }
      case 'unknown':
        await send(operation, 'unknownRoute', operation.method, operation.path, undefined)
        break
      case 'signIn': {
        const users = [...timeline.state.users.values()].sort((a, b) => a.id - b.id)
        const user = users[operation.pick % Math.max(1, users.length)]
        const email =
          user === undefined || operation.email === 'unknown'
            ? 'nobody@example.com'
            : operation.email === 'shouted'
              ? `  ${user.email.toUpperCase()} `
              : user.email
        const password =
          operation.password === 'right' && user !== undefined ? user.password : 'wrong password'
        await send(operation, 'signIn', 'POST', '/auth/sign_in', undefined, undefined, {
          email,
          password,
        })
        break
      }
      case 'signOut':
        await send(operation, 'signOut', 'DELETE', '/auth/sign_out', undefined)
        break
      case 'currentUser':
        await send(operation, 'getCurrentUser', 'GET', '/user/current', undefined)
        break
      case 'createUser': {
        const email = operation.email?.toLowerCase()
        const owner = [...timeline.state.users.values()].find(
          (user) => user.email.toLowerCase() === email,
        )
        if (owner !== undefined) {
          // A store call is strict: a taken email throws, and the next comparison proves nothing changed.
          trace.push(`#${trace.length + 1} createUser(${operation.email ?? ''}) → taken`)
          check(
            throwsTypeError(
              () => mock.store.createUser({ email: operation.email ?? '' }),
              `Failed to create user: email must not be taken (compared case-insensitively), got '${operation.email ?? ''}', which user ${owner.id} has`,
            ),
            'createUser accepted an email that a user has',
          )
          break
        }
        const created = mock.store.createUser(
          operation.email === null ? {} : { email: operation.email },
        )
        trace.push(`#${trace.length + 1} createUser(${operation.email ?? ''}) → user ${created.id}`)
        check(
          created.id === timeline.state.nextUserId,
          `createUser gave id ${created.id}, the model says ${timeline.state.nextUserId}`,
        )
        check(SECRET_FORMAT.private.test(created.apiKey), 'createUser secret has the wrong format')
        check(
          operation.email === null
            ? created.email.includes('@')
            : created.email === operation.email,
          'createUser email',
        )
        check(
          ![...timeline.state.keys.values()].some((key) => key.key_value === created.apiKey),
          'createUser reused a live secret',
        )
        check(
          !timeline.state.issuedIds.has(timeline.state.nextKeyId),
          'the model would reuse an id',
        )
        secrets.add(created.apiKey)
        commitUser(timeline.state, created.email, created.apiKey, nowMs)
        break
      }
      case 'issueToken': {
        const users = [...timeline.state.users.keys()].sort((a, b) => a - b)
        const userId = users[operation.pick % users.length] as number
        const token = await mock.store.issueToken(
          userId,
          operation.ttl === null ? {} : { expiresInSeconds: operation.ttl },
        )
        tokens.push({
          token,
          userId,
          exp: Math.floor(nowMs / 1000) + (operation.ttl ?? 24 * 60 * 60),
          tokenId: tokenIdOf(token),
        })
        trace.push(
          `#${trace.length + 1} issueToken(user ${userId}, ttl ${operation.ttl ?? 'default'}) → token ${tokens.length - 1}`,
        )
        break
      }
      case 'clock':
        nowMs += operation.seconds * 1000
        trace.push(
          `#${trace.length + 1} clock ${operation.seconds >= 0 ? '+' : ''}${operation.seconds}s → ${new Date(nowMs).toISOString()}`,
        )
        break
      case 'useScenario': {
        const scenario = MODEL_SCENARIOS[operation.pick % MODEL_SCENARIOS.length] as Scenario
        mock.useScenario(scenario)
        switchScenario(scenario)
        trace.push(`#${trace.length + 1} useScenario(${scenario})`)
        break
      }
      case 'reset':
        mock.reset()
        timeline = cloneTimeline(initial)
        currentScenario = config.scenario
        options.rateLimit?.buckets.clear()
        trace.push(`#${trace.length + 1} reset`)
        break
      case 'snapshot': {
        const real = mock.snapshot()
        assertSnapshot(real, timeline.state, fail)
        saved.push({
          real: JSON.parse(JSON.stringify(real)) as Snapshot,
          model: cloneTimeline(timeline),
        })
        trace.push(`#${trace.length + 1} snapshot → slot ${saved.length - 1}`)
        break
      }
      case 'restore': {
        const slot = saved[operation.pick % Math.max(1, saved.length)]
        if (slot === undefined) break
        mock.restore(JSON.parse(JSON.stringify(slot.real)))
        timeline = cloneTimeline(slot.model)
        trace.push(`#${trace.length + 1} restore slot ${operation.pick % saved.length}`)
        break
      }
    }
  }
  assertSnapshot(mock.snapshot(), timeline.state, fail)
  figures.sequences++
}

/** The `jti` of a token the fake issued. */
function tokenIdOf(token: string): string {
  const payload = token.split('.')[1] ?? ''
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti: string }).jti
}

/** A password field in the journal that is not masked. */
const UNMASKED_PASSWORD = /"password(?:_confirmation)?":"(?!\*{8}")/

/** The endpoints whose `data` is API keys (the created_at/updated_at invariants are per key id). */
const API_KEY_ENDPOINTS = new Set<Endpoint>([
  'listApiKeys',
  'createApiKey',
  'getApiKey',
  'updateApiKey',
  'deleteApiKey',
])

/** Endpoints that answer without a credential: sign-in reads none, sign-out and unknown routes need none. */
const OPEN_ENDPOINTS = new Set<Endpoint>(['signIn', 'signOut', 'unknownRoute'])

function assertSnapshot(real: Snapshot, state: ModelState, fail: (message: string) => never): void {
  const expected = JSON.stringify(toSnapshot(state))
  const actual = JSON.stringify(real)
  if (actual !== expected)
    fail(
      `the store differs from the model:\n      fake:  ${actual.slice(0, 3000)}\n      model: ${expected.slice(0, 3000)}`,
    )
}

it(
  `agrees with the reference model after every step of ${RUNS} random sequences`,
  async () => {
    const seed =
      process.env['MODEL_SEED'] === undefined ? undefined : Number(process.env['MODEL_SEED'])
    const path = process.env['MODEL_PATH']
    await fc.assert(
      fc.asyncProperty(
        configArb,
        fc.array(operationArb, { minLength: 1, maxLength: MAX_STEPS, size: 'max' }),
        (config, operations) => runSequence(config, operations),
      ),
      {
        numRuns: RUNS,
        ...(seed === undefined ? {} : { seed }),
        ...(path === undefined ? {} : { path }),
      },
    )
    const byStatus = Object.fromEntries(
      [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => [`status ${status}`, count]),
    )
    recordFigures('model', {
      sequences: figures.sequences,
      steps: figures.steps,
      requests: figures.requests,
      ...byStatus,
      ...Object.fromEntries(outcomes),
    })
    assert(figures.sequences).toBeGreaterThanOrEqual(RUNS)
    // Every branch of the API is reached, not just its front door.
    for (const status of [200, 201, 401, 404, 422])
      assert(statuses.get(status) ?? 0).toBeGreaterThan(0)
    // Sign-in succeeded and failed, and a token was revoked and then refused.
    for (const outcome of ['signIn 200', 'signIn 401', 'revoked token refused'])
      assert(outcomes.get(outcome) ?? 0, outcome).toBeGreaterThan(0)
  },
  Math.max(60_000, RUNS * 100),
)
