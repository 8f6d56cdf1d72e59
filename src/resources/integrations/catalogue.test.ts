import { expect, it } from 'vitest'
import { catalogueEntries, INTEGRATION_TYPES, maskSecret, SECRET_FIELD_NAMES } from './catalogue.js'
import { IntegrationTypeInfoSchema } from './schemas.js'

/** The widgets of the web app's form (`IntegrationFieldType`); the documented types say `string`. */
const APP_FIELD_TYPES = ['text', 'password', 'url', 'email', 'select', 'number']
const DOCUMENTED_TYPES = ['elevenlabs', 'openai', 'anthropic']
const OAUTH_TYPES = ['google_calendar', 'outlook_calendar', 'calendly']

it('holds the documented types first, then the web app library, then twilio', () => {
  expect(catalogueEntries().map((entry) => entry.type)).toEqual(INTEGRATION_TYPES)
  expect(INTEGRATION_TYPES).toEqual([
    ...DOCUMENTED_TYPES,
    'hubspot',
    'salesforce',
    'pipedrive',
    'kommo',
    'gohighlevel',
    ...OAUTH_TYPES,
    'calcom',
    'twilio',
  ])
})

it.each(catalogueEntries().map((entry) => [entry.type, entry] as const))(
  'describes %s consistently: every field listed once as required or optional, secrets among them',
  (type, entry) => {
    const info = { type, ...entry.schema, auth_type: entry.auth_type }
    expect(IntegrationTypeInfoSchema.safeParse(info).error).toBeUndefined()
    const { required, optional, fields } = entry.schema
    expect([...required, ...optional].sort()).toEqual(Object.keys(fields).sort())
    for (const secret of entry.secrets) expect(Object.keys(fields)).toContain(secret)
    for (const [name, field] of Object.entries(fields)) {
      if (field.type === 'password') expect(entry.secrets).toContain(name)
      if (DOCUMENTED_TYPES.includes(type)) expect(field.type).toBe('string')
      else expect(APP_FIELD_TYPES).toContain(field.type)
      if (!DOCUMENTED_TYPES.includes(type)) expect(field.label).toEqual(expect.any(String))
    }
  },
)

it('keeps the documented field config of the three documented types, each requiring api_key', () => {
  const byType = new Map(catalogueEntries().map((entry) => [entry.type, entry]))
  for (const [type, name] of [
    ['elevenlabs', 'ElevenLabs'],
    ['openai', 'OpenAI'],
    ['anthropic', 'Anthropic'],
  ] as const)
    expect(byType.get(type)).toEqual({
      type,
      secrets: ['api_key'],
      schema: {
        required: ['api_key'],
        optional: [],
        fields: { api_key: { type: 'string', description: `${name} API key` } },
      },
    })
})

it('marks the OAuth types as the web app does, with their tokens as secrets; twilio has no fields', () => {
  const byType = new Map(catalogueEntries().map((entry) => [entry.type, entry]))
  for (const type of OAUTH_TYPES) {
    expect(byType.get(type)?.auth_type).toBe('oauth')
    expect(byType.get(type)?.secrets).toEqual(['access_token', 'refresh_token'])
  }
  expect(catalogueEntries().filter((entry) => entry.auth_type !== undefined).length).toBe(3)
  expect(byType.get('twilio')?.schema).toEqual({ required: [], optional: [], fields: {} })
  expect([...SECRET_FIELD_NAMES].sort()).toEqual([
    'access_token',
    'api_key',
    'client_secret',
    'refresh_token',
  ])
})

it.each([
  ['sk_your_elevenlabs_key', 'sk_***'],
  ['sk_live_abc123', 'sk_***'],
  ['cal_live_0123', 'cal_***'],
  ['sk-proj-abc', '***'],
  ['ya29.a0Af', '***'],
  ['_leading', '***'],
  ['1abc_def', '***'],
  ['plain', '***'],
  ['sk_', 'sk_***'],
  [12345, '***'],
])('masks %j as %j', (secret, masked) => {
  expect(maskSecret(secret)).toBe(masked)
})
