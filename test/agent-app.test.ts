/** What the web app's assistant screens need of agents: their shape, publishing, goals and workflows. */
import { SUCCESS_MESSAGES } from 'voiceable-mock'
import { ListAgentFunctionsResponseSchema } from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { DOCUMENTED_AGENT } from './support/documented.js'

const at = (iso: string) => () => new Date(iso)

it("gives generated agents the app's model object and a voice from /voices; 123 keeps its string model", async () => {
  const mock = createTestMock()
  const voices = new Set(
    (await call(mock, 'GET /voices')).body.data.map((voice: { id: string }) => voice.id),
  )
  const prices = (await call(mock, 'GET /pricing_settings?category=llm')).body.data
  for (const user of mock.store.listUsers()) {
    for (const agent of mock.store.listAgents(user.id)) {
      const config = agent.conversation_config as Record<string, any>
      if (agent.id === '123') {
        expect(config['model']).toBe('gpt-4')
        expect(config['first_message']).toBe(DOCUMENTED_AGENT.conversation_config['first_message'])
        continue
      }
      expect(config['model']).toEqual({
        provider: expect.any(String),
        model: expect.any(String),
        messages: [{ role: 'system', content: expect.stringContaining(agent.name) }],
      })
      expect(prices).toContainEqual(
        expect.objectContaining({
          provider: config['model'].provider,
          model_id: config['model'].model,
        }),
      )
      // The same voice in every place the app looks for it, and it is a catalogue voice.
      const voice = config['voice_id']
      expect(voices.has(voice)).toBe(true)
      expect([
        config['voice_ids'],
        config['primary_voice_id'],
        config['voice'],
        agent.platform_settings,
      ]).toEqual([[voice], voice, { voice_id: voice }, { voice_id: voice, language: 'en' }])
      expect(config['first_message']).toEqual(expect.any(String))
    }
  }
})

it('publishes an agent with no body: published now, version up, no unpublished change left', async () => {
  const mock = createTestMock({ now: at('2025-03-01T12:00:00Z') })
  const res = await call(mock, 'POST /agents/123/publish', {
    headers: { 'Content-Type': 'application/json' },
  })
  expect(res.status).toBe(200)
  expect(res.body.status).toEqual({ code: 200, message: SUCCESS_MESSAGES.agentPublished })
  expect(res.body.data).toMatchObject({
    id: '123',
    published: true,
    published_at: '2025-03-01T12:00:00Z',
    updated_at: '2025-03-01T12:00:00Z',
    version: DOCUMENTED_AGENT.version + 1,
  })
  expect((await call(mock, 'GET /agents/123')).body.data).toEqual(res.body.data)
  const foreign = mock.store.listAgents(2)[0]
  expect((await call(mock, `POST /agents/${foreign?.id}/publish`)).status).toBe(404)
  expect(mock.store.getAgent(2, foreign?.id ?? '')?.version).toBe(foreign?.version)
})

it("reads, creates and updates an agent's outcome definition as the wizard and Performance tab do", async () => {
  const mock = createTestMock({ now: at('2025-03-01T12:00:00Z') })
  const seeded = (await call(mock, 'GET /agents/123/outcome_definition')).body.data
  expect(seeded).toMatchObject({
    agent_id: 123,
    primary_outcome: 'question_answered',
    outcome_type: 'general',
  })
  const created = await call(mock, 'POST /agents', { json: { agent: { name: 'New Assistant' } } })
  const id = created.body.data.id
  expect((await call(mock, `GET /agents/${id}/outcome_definition`)).body.data).toBeNull()
  const body = {
    outcome_definition: {
      primary_outcome: 'appointment_booked',
      secondary_outcomes: ['lead_captured'],
      success_conditions: { keywords: ['booked'] },
      failure_conditions: { failure_keywords: [] },
      escalation_rules: { escalation_keywords: [], humanTransferRules: [] },
    },
  }
  const posted = await call(mock, `POST /agents/${id}/outcome_definition`, { json: body })
  expect(posted.status).toBe(201)
  expect(posted.body.data).toMatchObject({
    agent_id: Number(id),
    ...body.outcome_definition,
    outcome_type: 'sales',
    created_at: '2025-03-01T12:00:00Z',
  })
  // A second POST is the 422 the wizard answers with PUT.
  const again = await call(mock, `POST /agents/${id}/outcome_definition`, { json: body })
  expect(again.status).toBe(422)
  const put = await call(mock, `PUT /agents/${id}/outcome_definition`, {
    json: { outcome_definition: { primary_outcome: 'call_transferred' } },
  })
  expect(put.body.data).toMatchObject({
    primary_outcome: 'call_transferred',
    outcome_type: 'support',
    secondary_outcomes: ['lead_captured'],
  })
  const bad = await call(mock, `PUT /agents/${id}/outcome_definition`, {
    json: { outcome_definition: { primary_outcome: 'world_peace' } },
  })
  expect(bad.status).toBe(422)
  expect(bad.body.errors).toEqual(['Primary outcome is not included in the list'])
  const foreign = mock.store.listAgents(2)[0]?.id
  for (const request of ['GET', 'POST', 'PUT'])
    expect(
      (await call(mock, `${request} /agents/${foreign}/outcome_definition`, { json: body })).status,
    ).toBe(404)
})

it("lists an agent's workflows with their functions; another user's agent is 404", async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /agents/123/agent_functions')
  expect(ListAgentFunctionsResponseSchema.parse(res.body)).toEqual(res.body)
  expect(res.body.data).toHaveLength(1)
  expect(res.body.data[0]).toMatchObject({
    enabled: true,
    is_custom_workflow: false,
    function: { integration_type: 'calcom' },
  })
  const created = await call(mock, 'POST /agents', { json: { agent: { name: 'Fresh' } } })
  expect(
    (await call(mock, `GET /agents/${created.body.data.id}/agent_functions`)).body.data,
  ).toEqual([])
  const foreign = mock.store.listAgents(2)[0]?.id
  expect((await call(mock, `GET /agents/${foreign}/agent_functions`)).status).toBe(404)
})
