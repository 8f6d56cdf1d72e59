import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { fixture } from './support/fixtures.js'

// The documented integration (reference §4.2), reproduced byte for byte from stores set up for
// each page: the object every page shows (`integration.example.json`), inside the envelope.

const at = (iso: string) => () => new Date(iso)
const example = fixture('integration.example.json')
const text = JSON.stringify(example)
const body = (code: number, message: string, data: string) =>
  `{"status":{"code":${code},"message":"${message}"},"data":${data}}`

it('reproduces the documented List Integrations example from the built-in data', async () => {
  const res = await call(createTestMock(), 'GET /integrations')
  expect(res.status).toBe(200)
  expect(res.text).toBe(body(200, 'Success', `[${text}]`))
})

it('reproduces the documented Get Integration example from the built-in data', async () => {
  const res = await call(createTestMock(), 'GET /integrations/elevenlabs')
  expect(res.status).toBe(200)
  expect(res.text).toBe(body(200, 'Success', text))
})

it('reproduces the documented Create Integration example in an empty store at its time', async () => {
  const mock = createTestMock({ scenario: 'empty', now: at(example.created_at) })
  // The empty store has no API key yet, so the caller signs in with a JWT.
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'POST /integrations', {
    bearer: token,
    json: fixture('create-integration.request.json'),
  })
  expect(res.status).toBe(201)
  expect(res.text).toBe(body(201, 'Integration created successfully', text))
  // The secret the example sends is the one stored; every read masks it.
  expect(mock.store.getIntegration(1, 'elevenlabs', { revealSecrets: true })?.config).toEqual(
    fixture('create-integration.request.json').integration.config,
  )
})

it('reproduces the documented Update Integration example at its time', async () => {
  const mock = createTestMock({ now: at('2024-01-15T11:00:00Z') })
  const res = await call(mock, 'PUT /integrations/elevenlabs', {
    json: fixture('update-integration.request.json'),
  })
  expect(res.status).toBe(200)
  const updated = JSON.stringify({ ...example, updated_at: '2024-01-15T11:00:00Z' })
  expect(res.text).toBe(body(200, 'Integration updated successfully', updated))
  expect(mock.store.getIntegration(1, 'elevenlabs', { revealSecrets: true })?.config).toEqual(
    fixture('update-integration.request.json').integration.config,
  )
})
