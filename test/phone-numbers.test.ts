import { ERROR_MESSAGES, SUCCESS_MESSAGES, type Snapshot } from 'voiceable-mock'
import { PhoneNumberSchema } from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

const at = (iso: string) => () => new Date(iso)
const NEW_NUMBER = { phone_number: '+15550100', label: 'Front desk', provider: 'twilio' }

it("lists the caller's numbers with their agent, the documented number 1 on agent 123 first", async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /phone_numbers')
  expect(res.status).toBe(200)
  expect(res.body.data[0]).toEqual({
    id: 1,
    phone_number: '+1234567890',
    label: 'Support line',
    provider: 'elevenlabs',
    elevenlabs_phone_number_id: 'phone_xyz',
    agent_id: 123,
    agent_name: 'Customer Support Agent',
    created_at: '2024-01-10T08:00:00Z',
    updated_at: '2024-01-10T08:00:00Z',
  })
  for (const number of res.body.data) expect(PhoneNumberSchema.parse(number)).toEqual(number)
  // Every number of every user lists as its agent does, and no agent lists another's number.
  const agents = (await call(mock, 'GET /agents?page_size=100')).body.data
  for (const agent of agents)
    expect(agent.phone_numbers.map((number: { id: number }) => number.id)).toEqual(
      res.body.data
        .filter((number: { agent_id: number | null }) => number.agent_id === Number(agent.id))
        .map((number: { id: number }) => number.id),
    )
})

it('adds a number unwrapped, as the web app sends it, attached to an agent given as text', async () => {
  const mock = createTestMock({ now: at('2024-02-01T09:00:00Z') })
  const res = await call(mock, 'POST /phone_numbers', {
    json: { ...NEW_NUMBER, agent_id: '123', language: 'en', user_id: 2 },
  })
  expect(res.status).toBe(201)
  expect(res.body.status).toEqual({ code: 201, message: SUCCESS_MESSAGES.phoneNumberCreated })
  expect(res.body.data).toMatchObject({
    phone_number: '+15550100',
    label: 'Front desk',
    provider: 'twilio',
    agent_id: 123,
    agent_name: 'Customer Support Agent',
    created_at: '2024-02-01T09:00:00Z',
  })
  expect(res.body.data.elevenlabs_phone_number_id).toMatch(/^phone_[a-z0-9]{12}$/)
  const agent = (await call(mock, 'GET /agents/123')).body.data
  expect(agent.phone_numbers.map((number: { id: number }) => number.id)).toContain(res.body.data.id)
})

it('attaches, relabels and detaches a number, bumping updated_at only on a change', async () => {
  const mock = createTestMock({ now: at('2024-03-01T00:00:00Z') })
  const created = (await call(mock, 'POST /phone_numbers', { json: NEW_NUMBER })).body.data
  expect(created).toMatchObject({ agent_id: null, agent_name: null })
  const id = created.id as number
  const attached = await call(mock, `PUT /phone_numbers/${id}`, { json: { agent_id: '123' } })
  expect(attached.body).toMatchObject({
    status: { code: 200, message: SUCCESS_MESSAGES.phoneNumberUpdated },
    data: { agent_id: 123, agent_name: 'Customer Support Agent', label: 'Front desk' },
  })
  const unchanged = await call(mock, `PATCH /phone_numbers/${id}`, { json: { agent_id: 123 } })
  expect(unchanged.body.data).toEqual(attached.body.data)
  const detached = await call(mock, `PUT /phone_numbers/${id}`, {
    json: { agent_id: '', label: 'Spare' },
  })
  expect(detached.body.data).toMatchObject({ agent_id: null, agent_name: null, label: 'Spare' })
  const agent = (await call(mock, 'GET /agents/123')).body.data
  expect(agent.phone_numbers.map((number: { id: number }) => number.id)).toEqual([1])
})

it('deletes a number an agent uses: the agent no longer lists it', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'DELETE /phone_numbers/1')
  expect(res.status).toBe(200)
  expect(res.body).toEqual({ status: { code: 200, message: SUCCESS_MESSAGES.phoneNumberDeleted } })
  expect((await call(mock, 'GET /agents/123')).body.data.phone_numbers).toEqual([])
  expect((await call(mock, 'GET /phone_numbers/1')).status).toBe(404)
})

it("leaves a deleted agent's numbers with the user, unassigned", async () => {
  const mock = createTestMock()
  await call(mock, 'DELETE /agents/123')
  const number = (await call(mock, 'GET /phone_numbers/1')).body.data
  expect(number).toMatchObject({ id: 1, agent_id: null, agent_name: null })
})

it("answers another user's number, or one that does not exist, with the same 404", async () => {
  const mock = createTestMock({ scenario: 'multi-tenant' })
  const other = mock.store.createUser()
  const theirs = mock.store.createPhoneNumber(other.id, { ...NEW_NUMBER, provider: 'manual' })
  for (const route of [
    `GET /phone_numbers/${theirs.id}`,
    `PUT /phone_numbers/${theirs.id}`,
    `DELETE /phone_numbers/${theirs.id}`,
    'GET /phone_numbers/999999',
    'GET /phone_numbers/abc',
  ]) {
    const res = await call(mock, route, { json: { label: 'Mine now' } })
    expect(res.status, route).toBe(404)
    expect(res.body).toMatchObject({
      error: 'phone_number_not_found',
      errors: [ERROR_MESSAGES.phoneNumberNotFound],
    })
  }
  expect(mock.store.getPhoneNumber(other.id, theirs.id)?.label).toBe('Front desk')
})

it("refuses to attach another user's agent, with the agent's 404", async () => {
  const mock = createTestMock({ scenario: 'multi-tenant' })
  const other = mock.store.createUser()
  const agent = mock.store.createAgent(other.id, { name: 'Theirs' })
  const res = await call(mock, 'POST /phone_numbers', {
    json: { ...NEW_NUMBER, agent_id: agent.id },
  })
  expect(res.status).toBe(404)
  expect(res.body.error).toBe('agent_not_found')
  expect(mock.store.isPhoneNumberTaken(NEW_NUMBER.phone_number)).toBe(false)
})

it.each([
  [{ label: 'x', provider: 'twilio' }, ["Phone number can't be blank"]],
  [{ ...NEW_NUMBER, phone_number: '5550100' }, ['Phone number is invalid']],
  [{ ...NEW_NUMBER, label: ' ' }, ["Label can't be blank"]],
  [{ ...NEW_NUMBER, provider: 'vonage' }, ['Provider is not included in the list']],
  [
    { phone_number: '+1234567890', label: 'x', provider: 'twilio' },
    ['Phone number has already been taken'],
  ],
])('answers a create with %j with a 422 naming each problem', async (json, errors) => {
  const mock = createTestMock()
  const before = mock.store.countPhoneNumbers()
  const res = await call(mock, 'POST /phone_numbers', { json })
  expect(res.status).toBe(422)
  expect(res.body).toMatchObject({ error: 'validation_failed', errors })
  expect(mock.store.countPhoneNumbers()).toBe(before)
})

it('offers the same numbers to add each time, leaving out numbers already in the app', async () => {
  const mock = createTestMock()
  const account = await call(mock, 'GET /phone_numbers/account')
  expect(account.status).toBe(200)
  expect(account.body.data).toHaveLength(3)
  expect((await call(mock, 'GET /phone_numbers/account')).body).toEqual(account.body)
  const available = await call(mock, 'GET /phone_numbers/available?country_code=GB&area_code=207')
  expect(available.body.data).toHaveLength(10)
  for (const number of available.body.data) {
    expect(number.phone_number).toMatch(/^\+44207\d{7}$/)
    expect(number).toMatchObject({ iso_country: 'GB', monthly_price: '1.00' })
  }
  const first = available.body.data[0].phone_number as string
  await call(mock, 'POST /phone_numbers', { json: { ...NEW_NUMBER, phone_number: first } })
  const again = await call(mock, 'GET /phone_numbers/available?country_code=GB&area_code=207')
  expect(
    again.body.data.map((number: { phone_number: string }) => number.phone_number),
  ).not.toContain(first)
  expect((await call(mock, 'GET /phone_numbers/available?area_code=12')).status).toBe(422)
})

it('routes /phone_numbers/account and /available before /phone_numbers/{id}', async () => {
  const mock = createTestMock()
  expect((await call(mock, 'GET /phone_numbers/account')).status).toBe(200)
  expect(mock.journal.last()?.endpoint).toBe('listAccountPhoneNumbers')
  expect((await call(mock, 'GET /phone_numbers/available.json')).status).toBe(200)
  expect(mock.journal.last()?.endpoint).toBe('listAvailablePhoneNumbers')
})

it("loads a 0.2.0 snapshot whose agents carry their numbers, as phone numbers of the agents' users", () => {
  const current = createTestMock().snapshot()
  const agents = current.agents.map((agent) => ({
    ...agent,
    phone_numbers: current.phone_numbers
      .filter((number) => number.agent_id === Number(agent.id))
      .map(({ id, phone_number, provider, elevenlabs_phone_number_id }) => ({
        id,
        phone_number,
        provider,
        elevenlabs_phone_number_id,
      })),
  }))
  const { phone_numbers: _numbers, next_phone_number_id: _next, ...older } = current
  const mock = createTestMock({ snapshot: { ...older, agents } as unknown as Snapshot })
  const numbers = mock.snapshot().phone_numbers
  expect(numbers.map((number) => [number.id, number.agent_id, number.user_id])).toEqual(
    current.phone_numbers
      .filter((number) => number.agent_id !== null)
      .map((number) => [number.id, number.agent_id, number.user_id]),
  )
  expect(mock.store.getAgent(1, '123')?.phone_numbers).toEqual(
    createTestMock().store.getAgent(1, '123')?.phone_numbers,
  )
})

it('checks mock.store phone-number calls strictly', () => {
  const mock = createTestMock()
  expect(() =>
    mock.store.createPhoneNumber(1, { ...NEW_NUMBER, provider: 'twilio', phone_number: '555' }),
  ).toThrow(/Failed to create phone number: phone_number must be a phone number in E\.164 form/)
  expect(() =>
    mock.store.createPhoneNumber(1, { ...NEW_NUMBER, provider: 'twilio', agent_id: '999' }),
  ).toThrow(
    "Failed to create phone number: agent_id must be the id of one of user 1's agents, got '999'",
  )
  expect(() =>
    mock.store.createPhoneNumber(1, {
      ...NEW_NUMBER,
      provider: 'twilio',
      phone_number: '+1234567890',
    }),
  ).toThrow(/must not be taken/)
  expect(() => mock.store.updatePhoneNumber(1, 1, { label: '' })).toThrow(
    "Failed to update phone number: label must be a non-empty string, got ''",
  )
  expect(mock.store.getPhoneNumber(1, 1)?.label).toBe('Support line')
})
