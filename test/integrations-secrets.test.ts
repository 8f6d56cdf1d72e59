/**
 * No stored integration secret ever leaves the store but through `revealSecrets` and snapshots:
 * not in a response (success or error, on any endpoint), not in the journal, not in a 422's
 * sentences, not in the message of an error thrown by `mock.store`. Every request and call below
 * is made with stored secrets in it, then everything the mock said is scanned for each secret.
 * (The journal masks a secret field that holds text; a secret sent in another shape, inside an
 * object or a list under `api_key`, is kept as sent, as the `{"api_key": {...}}` wrapper of an
 * API-key body must be; and a secret sent where no secret goes, as a type or in a path, is
 * journaled as sent. Those requests are not made here.)
 */
import type { VoiceableMock } from 'voiceable-mock'
import { expect, it } from 'vitest'
import { call, createTestMock, type CallOptions } from './support/call.js'

/** Every secret of every stored integration, by the catalogue's secret fields. */
function storedSecrets(mock: VoiceableMock): string[] {
  const secretFields = new Set(['api_key', 'access_token', 'refresh_token', 'client_secret'])
  return mock
    .snapshot()
    .integrations.flatMap((record) =>
      Object.entries(record.config).flatMap(([field, value]) =>
        secretFields.has(field) ? [String(value)] : [],
      ),
    )
}

it('never shows a stored secret in a response, the journal, a 422 or a store error', async () => {
  const mock = createTestMock({ publicKeyAccess: 'read-only' })
  const said: string[] = []
  const secrets = new Set<string>()
  const remember = () => storedSecrets(mock).forEach((secret) => secrets.add(secret))
  const send = async (route: string, options: CallOptions = {}) => {
    said.push((await call(mock, route, options)).text)
    remember()
  }
  const attempt = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      said.push(String(error), (error as Error).stack ?? '')
    }
    remember()
  }
  remember()
  const stored = 'sk_your_elevenlabs_key'
  const created = {
    integration_type: 'salesforce',
    config: {
      instance_url: 'https://acme.my.salesforce.com',
      client_id: 'id',
      client_secret: 'cs_salesforce_secret',
    },
  }
  await send('POST /integrations', { json: { integration: created } })
  await send('POST /integrations', {
    json: {
      integration: {
        integration_type: 'google_calendar',
        config: { access_token: 'ya29.token_secret', refresh_token: '1//0refresh_secret' },
      },
    },
  })
  // Reads, by every route that shows integrations, as their owner and as others.
  const others = mock.store.listUsers().filter((user) => user.id !== 1)
  for (const route of [
    'GET /integrations',
    'GET /integrations/elevenlabs',
    'GET /integrations/salesforce',
    'GET /integrations/google_calendar.json',
    'HEAD /integrations/elevenlabs',
    'GET /integrations/schemas',
  ]) {
    await send(route)
    for (const user of others) await send(route, { bearer: await mock.store.issueToken(user.id) })
  }
  // Writes that send stored secrets back: taken, invalid, masked, unchanged, to another type.
  for (const integration of [
    { integration_type: 'elevenlabs', config: { api_key: stored } },
    { integration_type: 'salesforce', config: created.config },
    { integration_type: 'openai', config: 'text' },
  ])
    await send('POST /integrations', { json: { integration } })
  for (const config of [
    { api_key: stored },
    { api_key: 'sk_***' },
    { api_key: '' },
    { api_key: 12345 },
    {},
    { extra: 'x' },
  ]) {
    await send('PUT /integrations/elevenlabs', { json: { integration: { config } } })
    await send('PATCH /integrations/salesforce', { json: { integration: { config } } })
  }
  await send('POST /integrations', {
    body: `{"integration":{"config":{"api_key":"${stored}"`,
    headers: { 'Content-Type': 'application/json' },
  })
  const publicKey = mock.store.createApiKey(1, { name: 'W', key_type: 'public' }).key_value
  await send('PUT /integrations/elevenlabs', {
    apiKey: publicKey,
    json: { integration: { config: { api_key: stored } } },
  })
  // Store calls that fail with stored secrets in their arguments (not as a type: a bad type is
  // quoted back, as a config key is: names are no secret).
  const { store } = mock
  attempt(() =>
    store.createIntegration(1, { integration_type: 'elevenlabs', config: { api_key: stored } }),
  )
  attempt(() =>
    store.createIntegration(1, {
      integration_type: 'openai',
      config: { api_key: [stored] },
    } as never),
  )
  attempt(() =>
    store.createIntegration(1, { integration_type: 'openai', config: [stored] } as never),
  )
  attempt(() => store.updateIntegration(1, 'elevenlabs', { config: { extra: stored } }))
  attempt(() =>
    store.updateIntegration(1, 'elevenlabs', { config: { api_key: { stored } } } as never),
  )
  attempt(() => store.updateIntegration(1, 'salesforce', { config: { client_secret: null } }))
  attempt(() => store.updateIntegration(1, 'elevenlabs', { config: 5 } as never))
  // Masked reads of the store and journal entries (the control API serves the same).
  said.push(
    JSON.stringify(store.listIntegrations(1)),
    JSON.stringify(store.getIntegration(1, 'salesforce')),
  )
  said.push(JSON.stringify(mock.journal.entries()))

  expect(secrets.size).toBeGreaterThan(10)
  expect(mock.journal.count()).toBeGreaterThan(40)
  for (const secret of secrets)
    for (const text of said) {
      const at = text.indexOf(secret)
      expect(at, `${secret} in …${text.slice(Math.max(0, at - 300), at + 50)}`).toBe(-1)
    }
})
