/**
 * Integration configs fuzzed with secrets in every position: any type (the catalogue's and
 * others), any field (secret or not, of this type or another, nested, in a list), in any order,
 * repeated (duplicate JSON keys), through create and update, on msw, `mock.fetch` and the demo
 * server. Beyond the shared properties (no 5xx, trace or leak), a secret the store now keeps is
 * in no answer and no journal entry.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ENDPOINTS } from './endpoints.js'
import {
  apiTargets,
  BASE_PATH,
  CALLER_KEY,
  forbiddenTexts,
  fuzzParameters,
  fuzzTimeout,
  INTEGRATION_TYPES,
  SECRET_FIELDS,
  sendAndCheck,
  type FuzzTarget,
} from './harness.js'

const WRITES = ENDPOINTS.filter(
  (endpoint) =>
    endpoint.template.startsWith('/integrations') &&
    ['POST', 'PUT', 'PATCH'].includes(endpoint.method) &&
    endpoint.mediaTypes.length > 0,
)
const TYPES = INTEGRATION_TYPES.map((type) => type.type)
const FIELDS = [...new Set(INTEGRATION_TYPES.flatMap((type) => type.fields))]

let targets: FuzzTarget[] = []
let run = 0

beforeAll(async () => {
  targets = await apiTargets()
})

afterAll(async () => {
  await Promise.all(targets.map((target) => target.close()))
})

/** Where a value goes: one of the placeholders is replaced by a fresh secret per position. */
type Value = { secret: true; shape: 'text' | 'object' | 'list' | 'number-text' } | { json: unknown }

const value: fc.Arbitrary<Value> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom('text', 'object', 'list', 'number-text')
      .map((shape) => ({ secret: true as const, shape: shape as 'text' })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.constantFrom('', 'sk_***', '***', null).map((json) => ({ json })) },
)

const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SECRET_FIELDS) },
  { weight: 3, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'API_KEY', 'api_key ', 'config'),
  },
)

const body = fc.record({
  type: fc.oneof(
    fc.constantFrom(...TYPES),
    fc.constantFrom('', 'Unknown', 'openai ', 'ELEVENLABS'),
    fc.string({ maxLength: 10 }),
  ),
  typeIn: fc.constantFrom('body', 'omitted', 'secret'),
  entries: fc.array(fc.tuple(fieldName, value), { maxLength: 7 }),
  configShape: fc.constantFrom(
    'complete',
    'complete',
    'object',
    'object',
    'secret-text',
    'list',
    'null',
    'missing',
  ),
  /** Where the type's own fields go among the drawn ones, for a `complete` config. */
  order: fc.nat(),
  extraSecretAt: fc.constantFrom('none', 'top-level', 'wrapper'),
})

/** A value a non-secret field of the catalogue accepts, by its name. */
function plausible(name: string): string {
  if (/url/.test(name)) return 'https://acme.example.com'
  if (/email/.test(name)) return 'ops@example.com'
  if (/domain/.test(name)) return 'acme'
  return 'value-1'
}

type Drawn = typeof body extends fc.Arbitrary<infer T> ? T : never

/** The JSON text (duplicate keys kept, as a client may send them) and the secrets it carries. */
function render(drawn: Drawn) {
  run++
  let position = 0
  const secrets: string[] = []
  const fresh = () => {
    const secret = `sk_fz${run}x${++position}_${'q'.repeat(4)}`
    secrets.push(secret)
    return secret
  }
  const valueText = (drawnValue: Value): string => {
    if (!('secret' in drawnValue)) return JSON.stringify(drawnValue.json) ?? 'null'
    const secret = fresh()
    return {
      text: JSON.stringify(secret),
      object: JSON.stringify({ api_key: secret }),
      list: JSON.stringify([secret]),
      'number-text': JSON.stringify(`${secret}1234`),
    }[drawnValue.shape]
  }
  const typeFields = INTEGRATION_TYPES.find((type) => type.type === drawn.type)
  const complete = [
    ...(typeFields?.fields ?? []).map((name): [string, Value] =>
      (typeFields?.secrets ?? []).includes(name)
        ? [name, { secret: true, shape: 'text' }]
        : [name, { json: plausible(name) }],
    ),
  ]
  const at = drawn.entries.length === 0 ? 0 : drawn.order % (drawn.entries.length + 1)
  const mixed = [...drawn.entries.slice(0, at), ...complete, ...drawn.entries.slice(at)]
  const config = {
    complete: `{${mixed.map(([name, v]) => `${JSON.stringify(name)}:${valueText(v)}`).join(',')}}`,
    object: `{${drawn.entries.map(([name, v]) => `${JSON.stringify(name)}:${valueText(v)}`).join(',')}}`,
    'secret-text': JSON.stringify(fresh()),
    list: `[${drawn.entries.map(([, v]) => valueText(v)).join(',')}]`,
    null: 'null',
    missing: undefined,
  }[drawn.configShape]
  const fields = [
    drawn.typeIn === 'omitted'
      ? undefined
      : `"integration_type":${JSON.stringify(drawn.typeIn === 'secret' ? fresh() : drawn.type)}`,
    config === undefined ? undefined : `"config":${config}`,
    drawn.extraSecretAt === 'wrapper' ? `"api_key":${JSON.stringify(fresh())}` : undefined,
  ].filter((field) => field !== undefined)
  const top = drawn.extraSecretAt === 'top-level' ? `,"api_key":${JSON.stringify(fresh())}` : ''
  return { text: `{"integration":{${fields.join(',')}}${top}}`, secrets }
}

it(
  'keeps every stored secret out of answers and the journal, wherever a config puts it',
  async () => {
    const statuses = new Map<number, number>()
    let stored = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), body, async (endpoint, drawn) => {
        const { text, secrets } = render(drawn)
        const path = `${BASE_PATH}${endpoint.template.replace('{integrationType}', encodeURIComponent(drawn.type || 'openai'))}`
        for (const target of targets) {
          const before = target.mock.journal.count()
          const answer = await sendAndCheck(target, {
            method: endpoint.method,
            path,
            headers: [
              ['X-API-Key', CALLER_KEY],
              ['Content-Type', 'application/json'],
            ],
            body: text,
          })
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
          // A secret this request made the store keep is masked in its own answer and journal entry.
          const kept = forbiddenTexts(target.mock).secrets
          const entries = target.mock.journal.entries()
          const journal = entries.slice(entries.length - (target.mock.journal.count() - before))
          for (const secret of secrets.filter((candidate) => kept.includes(candidate))) {
            stored++
            expect(answer.text.includes(secret), `${target.name}: ${text} -> ${answer.text}`).toBe(
              false,
            )
            expect(
              JSON.stringify(journal).includes(secret),
              `${target.name} journal: ${text}`,
            ).toBe(false)
          }
        }
      }),
      fuzzParameters(3),
    )
    expect(statuses.size).toBeGreaterThan(1)
    // Some drawn secrets really were stored, or the property checked nothing.
    expect(stored).toBeGreaterThan(0)
  },
  fuzzTimeout(3),
)
