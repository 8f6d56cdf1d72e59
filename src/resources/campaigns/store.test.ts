import { expect, it } from 'vitest'
import { createStore } from '../../store/store.js'
import { SCENARIOS } from '../../store/scenario-names.js'
import { fixtures } from './examples.js'

it('gives user 1 the documented campaign 1, in the documented shape', () => {
  const store = createStore()
  expect(store.getCampaign(1, 1)).toEqual(fixtures['campaign.example.json'])
  expect(store.listCampaigns(1).map((campaign) => campaign.id)).toEqual([1])
})

it("gives user 1 an agent with a Twilio number, which the web app's new campaign needs", () => {
  const store = createStore()
  const agents = new Set(store.listAgents(1).map((agent) => Number(agent.id)))
  const twilio = store
    .listPhoneNumbers(1)
    .filter((number) => number.provider === 'twilio' && agents.has(number.agent_id ?? 0))
  expect(twilio.map((number) => number.phone_number)).toContain('+1234567891')
})

it.each(SCENARIOS)(
  'seeds %s campaigns with their owner’s own agents and numbers, the same every time',
  (scenario) => {
    const store = createStore({ scenario })
    const snapshot = store.snapshot()
    const again = createStore({ scenario }).snapshot()
    expect(again.campaigns).toEqual(snapshot.campaigns)
    for (const campaign of snapshot.campaigns) {
      expect(store.getAgent(campaign.user_id, campaign.agent_id)).toBeDefined()
      for (const id of campaign.phone_number_ids)
        expect(store.getPhoneNumber(campaign.user_id, id)).toBeDefined()
    }
    if (scenario === 'empty') expect(snapshot.campaigns).toEqual([])
    else {
      // The documented campaign, and generated ones for the other users when there are any.
      expect(snapshot.campaigns[0]?.name).toBe('Q1 Product Launch Campaign')
      const owners = new Set(snapshot.campaigns.map((campaign) => campaign.user_id))
      expect(owners.size > 1).toBe(snapshot.users.length > 1)
    }
  },
)

it('creates a pending campaign for its owner only, and refuses foreign agents and numbers', () => {
  const store = createStore({ now: () => new Date('2025-01-02T03:04:05Z') })
  const created = store.createCampaign(1, {
    name: 'Later',
    agent_id: '123',
    phone_number_ids: [1],
    recipients_count: 3,
    send_immediately: false,
    scheduled_at: '2025-02-01T10:00:00Z',
  })
  expect(created).toMatchObject({
    status: 'pending',
    elevenlabs_batch_call_id: null,
    scheduled_at: '2025-02-01T10:00:00Z',
    created_at: '2025-01-02T03:04:05Z',
  })
  expect(store.getCampaign(2, created.id)).toBeUndefined()
  const foreignAgent = store.listAgents(2)[0]?.id ?? ''
  expect(store.ownsCampaignSenders(1, foreignAgent, [1])).toBe(false)
  expect(store.ownsCampaignSenders(1, '123', [])).toBe(false)
  expect(() =>
    store.createCampaign(1, {
      name: 'x',
      agent_id: foreignAgent,
      phone_number_ids: [1],
      recipients_count: 1,
      send_immediately: true,
    }),
  ).toThrow(/does not own/)
})

it('keeps a campaign whose number was deleted, as it recorded it', () => {
  const store = createStore()
  expect(store.deletePhoneNumber(1, 1)).toBe(true)
  expect(store.getCampaign(1, 1)?.name).toBe('Q1 Product Launch Campaign')
})
