/** The platform's catalogues the web app reads: voices, agent templates and behaviours, pricing. */
import { ERROR_STATUS } from 'voiceable-mock'
import { AgentTemplateSchema, PricingSettingSchema, VoiceSchema } from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

it('lists the voices every user sees, filtered as the voice library asks', async () => {
  const mock = createTestMock()
  const all = (await call(mock, 'GET /voices')).body.data
  expect(all.length).toBeGreaterThanOrEqual(6)
  for (const voice of all) {
    expect(VoiceSchema.parse(voice)).toEqual(voice)
    expect(voice.preview_url).toMatch(/^data:audio\/wav;base64,UklGR/)
  }
  // The wizard prefers these names when a template picks the voice.
  expect(all.map((voice: { name: string }) => voice.name)).toEqual(
    expect.arrayContaining(['Sarah', 'Charlie']),
  )
  const british = (await call(mock, 'GET /voices?gender=male&accent=British')).body.data
  expect(british.length).toBeGreaterThan(0)
  for (const voice of british)
    expect(voice.labels).toMatchObject({ gender: 'male', accent: 'british' })
  const found = (await call(mock, 'GET /voices?search=SARAH')).body.data
  expect(found.map((voice: { name: string }) => voice.name)).toEqual(['Sarah'])
  expect((await call(mock, 'GET /voices?accent=martian')).body.data).toEqual([])
  // Another user sees the same catalogue.
  const token = mock.store.createApiKey(2, { name: 'k', key_type: 'private' }).key_value
  expect((await call(mock, 'GET /voices', { apiKey: token })).body.data).toEqual(all)
})

it('gets one voice by its exact id; any other id is 404 voice_not_found', async () => {
  const mock = createTestMock()
  const [first] = (await call(mock, 'GET /voices')).body.data
  expect((await call(mock, `GET /voices/${first.id}`)).body.data).toEqual(first)
  const missing = await call(mock, `GET /voices/${first.id.toLowerCase()}`)
  expect(missing.status).toBe(404)
  expect(missing.body.error).toBe('voice_not_found')
  expect(missing.body.status.message).toBe(ERROR_STATUS.voice_not_found.message)
  expect((await call(mock, 'GET /voices', { apiKey: null })).status).toBe(401)
})

it('lists templates with their Default behaviour, Blank Template last', async () => {
  const mock = createTestMock()
  const templates = (await call(mock, 'GET /agent_templates')).body.data
  for (const template of templates) expect(AgentTemplateSchema.parse(template)).toEqual(template)
  expect(templates.at(-1).title).toBe('Blank Template')
  expect(templates.length).toBeGreaterThanOrEqual(4)
  const behaviours = (await call(mock, 'GET /agent_behaviours')).body.data
  const byName = behaviours.find((behaviour: { name: string }) => behaviour.name === 'Default')
  expect(byName.sections.map((section: { section_type: string }) => section.section_type)).toEqual([
    'scenarios',
    'phases',
    'voice_tone',
  ])
  for (const template of templates) expect(template.agent_behaviour).toEqual(byName)
  expect((await call(mock, `GET /agent_behaviours/${byName.id}`)).body.data).toEqual(byName)
  const missing = await call(mock, 'GET /agent_behaviours/999')
  expect(missing.status).toBe(404)
  expect(missing.body.error).toBe('agent_behaviour_not_found')
})

it('lists prices as numbers, filtered by category and provider, and the commission markup', async () => {
  const mock = createTestMock()
  const llm = (await call(mock, 'GET /pricing_settings?category=llm')).body.data
  for (const setting of llm) {
    expect(PricingSettingSchema.parse(setting)).toEqual(setting)
    expect(setting).toMatchObject({ category: 'llm', active: true })
    expect(typeof setting.model_id).toBe('string')
  }
  // The wizard's default model is priced.
  expect(llm).toContainEqual(expect.objectContaining({ provider: 'openai', model_id: 'gpt-4o' }))
  const all = (await call(mock, 'GET /pricing_settings')).body.data
  expect(new Set(all.map((setting: { category: string }) => setting.category))).toEqual(
    new Set(['llm', 'tts', 'stt', 'transport', 'hosting']),
  )
  const anthropic = (await call(mock, 'GET /pricing_settings?category=llm&provider=anthropic')).body
    .data
  expect(anthropic.length).toBeGreaterThan(0)
  for (const setting of anthropic) expect(setting.provider).toBe('anthropic')
  const markup = await call(mock, 'GET /pricing_settings/commission_markup')
  expect(markup.body).toEqual({
    status: { code: 200, message: 'Success' },
    data: { commission_markup: 0.7 },
  })
})
