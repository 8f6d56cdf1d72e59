/**
 * Model-based test of the resources users own beside their keys: phone numbers, campaigns,
 * integrations and conversations. Random sequences of calls by three users run against the fake
 * (through msw's `getResponse`) and against a small model of who owns what; after every step:
 * - ownership: a call on another user's record answers exactly as on a missing one (404, the same
 *   body), and a write that names another user's agent or number is refused and changes nothing;
 * - each user's lists hold their own records only, in id order, as the model has them;
 * - secret masking: no integration secret ever appears in a response or in the journal.
 */
import fc from 'fast-check'
import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createVoiceableMock, type VoiceableMock } from 'voiceable-mock'
import { multipartBody, MULTIPART_TYPE } from '../support/multipart.js'
import { recordFigures } from './figures.js'

const RUNS = Number(process.env['MODEL_RUNS'] ?? 100)
const BASE = 'https://api.example.com/api/v1'
const MISSING_ID = 999_999

type Command =
  | { kind: 'createNumber'; user: number; agent: number; digits: number }
  | { kind: 'attach'; user: number; number: number; agent: number }
  | { kind: 'deleteNumber'; user: number; number: number }
  | { kind: 'getNumber'; user: number; number: number }
  | { kind: 'createCampaign'; user: number; agent: number; number: number; recipients: number }
  | { kind: 'getCampaign'; user: number; campaign: number }
  | { kind: 'putIntegration'; user: number; type: number; secret: number }
  | { kind: 'getIntegration'; user: number; type: number }
  | { kind: 'getConversation'; user: number; conversation: number }
  | { kind: 'listAll'; user: number }

const TYPES = ['elevenlabs', 'openai', 'anthropic'] as const
const pick = fc.nat({ max: 1_000 })
const user = fc.nat({ max: 2 })
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('createNumber'), user, agent: pick, digits: pick }),
  fc.record({ kind: fc.constant('attach'), user, number: pick, agent: pick }),
  fc.record({ kind: fc.constant('deleteNumber'), user, number: pick }),
  fc.record({ kind: fc.constant('getNumber'), user, number: pick }),
  fc.record({
    kind: fc.constant('createCampaign'),
    user,
    agent: pick,
    number: pick,
    recipients: fc.nat({ max: 5 }),
  }),
  fc.record({ kind: fc.constant('getCampaign'), user, campaign: pick }),
  fc.record({ kind: fc.constant('putIntegration'), user, type: pick, secret: pick }),
  fc.record({ kind: fc.constant('getIntegration'), user, type: pick }),
  fc.record({ kind: fc.constant('getConversation'), user, conversation: pick }),
  fc.record({ kind: fc.constant('listAll'), user }),
)

/** Who owns what: the model's whole state. */
interface Model {
  users: { id: number; key: string }[]
  agents: { id: string; owner: number }[]
  numbers: { id: number; owner: number }[]
  campaigns: { id: number; owner: number }[]
  conversations: { id: string; owner: number }[]
  integrations: Map<string, string>
  nextNumber: number
  nextCampaign: number
}

function modelOf(mock: VoiceableMock): Model {
  const users = mock.store
    .listUsers()
    .filter((summary) => summary.apiKey !== null)
    .slice(0, 3)
    .map((summary) => ({ id: summary.id, key: summary.apiKey as string }))
  const each = <T>(list: (id: number) => T[]) =>
    users.flatMap(({ id }) => list(id).map((record) => ({ record, owner: id })))
  const snapshot = mock.snapshot()
  return {
    users,
    agents: each((id) => mock.store.listAgents(id)).map(({ record, owner }) => ({
      id: record.id,
      owner,
    })),
    numbers: each((id) => mock.store.listPhoneNumbers(id)).map(({ record, owner }) => ({
      id: record.id,
      owner,
    })),
    campaigns: each((id) => mock.store.listCampaigns(id)).map(({ record, owner }) => ({
      id: record.id,
      owner,
    })),
    conversations: each((id) => mock.store.listConversations(id)?.data ?? []).map(
      ({ record, owner }) => ({ id: record.conversation_id, owner }),
    ),
    integrations: new Map(
      snapshot.integrations.map((record) => [
        `${record.user_id}:${record.integration_type}`,
        String(record.config['api_key']),
      ]),
    ),
    nextNumber: snapshot.next_phone_number_id,
    nextCampaign: snapshot.next_campaign_id,
  }
}

/** A record picked from a list (any user's), or a missing id when the pick falls past it. */
function choose<T>(list: readonly T[], index: number): T | undefined {
  return index % (list.length + 1) === list.length ? undefined : list[index % (list.length + 1)]
}

interface Step {
  method: string
  path: string
  body?: string
  json?: boolean
  multipart?: boolean
  /** The status the model predicts. */
  status: number
  /** What the model does when the step succeeds. */
  commit?: (data: Record<string, unknown>) => void
}

function stepOf(model: Model, command: Command): Step {
  const caller = model.users[command.user % model.users.length] as Model['users'][number]
  const owns = (record: { owner: number } | undefined) => record?.owner === caller.id
  switch (command.kind) {
    case 'createNumber': {
      const agent = choose(model.agents, command.agent)
      const id = model.nextNumber
      return {
        method: 'POST',
        path: '/phone_numbers',
        json: true,
        body: JSON.stringify({
          phone_number: `+1999${String(command.digits).padStart(7, '0')}${id}`,
          label: 'Model',
          provider: 'twilio',
          agent_id: agent?.id ?? String(MISSING_ID),
        }),
        status: owns(agent) ? 201 : 404,
        commit: () => {
          model.numbers.push({ id, owner: caller.id })
          model.nextNumber++
        },
      }
    }
    case 'attach': {
      const number = choose(model.numbers, command.number)
      const agent = choose(model.agents, command.agent)
      return {
        method: 'PUT',
        path: `/phone_numbers/${number?.id ?? MISSING_ID}`,
        json: true,
        body: JSON.stringify({ agent_id: agent?.id ?? String(MISSING_ID) }),
        status: owns(number) && owns(agent) ? 200 : 404,
      }
    }
    case 'deleteNumber': {
      const number = choose(model.numbers, command.number)
      return {
        method: 'DELETE',
        path: `/phone_numbers/${number?.id ?? MISSING_ID}`,
        status: owns(number) ? 200 : 404,
        commit: () => void model.numbers.splice(model.numbers.indexOf(number!), 1),
      }
    }
    case 'getNumber': {
      const number = choose(model.numbers, command.number)
      return {
        method: 'GET',
        path: `/phone_numbers/${number?.id ?? MISSING_ID}`,
        status: owns(number) ? 200 : 404,
      }
    }
    case 'createCampaign': {
      const agent = choose(model.agents, command.agent)
      const number = choose(model.numbers, command.number)
      const id = model.nextCampaign
      const csv = [
        'phone_number',
        ...Array.from({ length: command.recipients }, (_, i) => `+1555010000${i}`),
      ]
      return {
        method: 'POST',
        path: '/campaigns',
        multipart: true,
        body: multipartBody([
          ['name', 'Model campaign'],
          ['phone_number_id', String(number?.id ?? MISSING_ID)],
          ['agent_id', agent?.id ?? String(MISSING_ID)],
          ['recipients_file', { filename: 'r.csv', content: csv.join('\n') }],
          ['send_immediately', 'true'],
        ]),
        status: !owns(agent) || !owns(number) ? 404 : command.recipients === 0 ? 422 : 201,
        commit: (data) => {
          expect(data['recipients_count']).toBe(command.recipients)
          model.campaigns.push({ id, owner: caller.id })
          model.nextCampaign++
        },
      }
    }
    case 'getCampaign': {
      const campaign = choose(model.campaigns, command.campaign)
      return {
        method: 'GET',
        path: `/campaigns/${campaign?.id ?? MISSING_ID}`,
        status: owns(campaign) ? 200 : 404,
      }
    }
    case 'putIntegration': {
      const type = TYPES[command.type % TYPES.length] as string
      const key = `${caller.id}:${type}`
      const exists = model.integrations.has(key)
      const secret = `sk_model_secret_${command.secret}_${caller.id}`
      return exists
        ? {
            method: 'PUT',
            path: `/integrations/${type}`,
            json: true,
            body: JSON.stringify({ integration: { config: { api_key: secret } } }),
            status: 200,
            commit: () => void model.integrations.set(key, secret),
          }
        : {
            method: 'POST',
            path: '/integrations',
            json: true,
            body: JSON.stringify({
              integration: { integration_type: type, config: { api_key: secret } },
            }),
            status: 201,
            commit: () => void model.integrations.set(key, secret),
          }
    }
    case 'getIntegration': {
      const type = TYPES[command.type % TYPES.length] as string
      return {
        method: 'GET',
        path: `/integrations/${type}`,
        status: model.integrations.has(`${caller.id}:${type}`) ? 200 : 404,
      }
    }
    case 'getConversation': {
      const conversation = choose(model.conversations, command.conversation)
      return {
        method: 'GET',
        path: `/conversations/${conversation?.id ?? 'conv_missing'}`,
        // A user without an ElevenLabs integration gets the documented 400 first.
        status: !model.integrations.has(`${caller.id}:elevenlabs`)
          ? 400
          : owns(conversation)
            ? 200
            : 404,
      }
    }
    case 'listAll':
      return { method: 'GET', path: '/campaigns', status: 200 }
  }
}

async function send(mock: VoiceableMock, key: string, step: Step) {
  const headers = new Headers({ 'X-API-Key': key })
  if (step.json === true) headers.set('Content-Type', 'application/json')
  if (step.multipart === true) headers.set(...MULTIPART_TYPE)
  const response = await getResponse(
    mock.handlers,
    new Request(`${BASE}${step.path}`, {
      method: step.method,
      headers,
      ...(step.body === undefined ? {} : { body: step.body }),
    }),
  )
  if (response === undefined) throw new Error(`Failed to get an answer for ${step.path}`)
  return { status: response.status, text: await response.text() }
}

/** The 404 body of a missing record at `path`: what a foreign record must answer too. */
async function missingBody(mock: VoiceableMock, key: string, step: Step): Promise<string> {
  const path = step.path.replace(/\/[^/]+$/, `/${MISSING_ID}`)
  const before = mock.snapshot()
  const answer = await send(mock, key, { ...step, path })
  mock.restore(before)
  return answer.text
}

const figures = { sequences: 0, steps: 0 }

it('keeps every user to their own records and never shows a secret', async () => {
  const mock = createVoiceableMock({ now: () => new Date('2024-03-01T00:00:00Z') })
  const baseline = mock.snapshot()
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 20 }), async (commands) => {
      mock.restore(baseline)
      mock.journal.clear()
      const model = modelOf(mock)
      figures.sequences++
      for (const entry of commands) {
        figures.steps++
        const caller = model.users[entry.user % model.users.length] as Model['users'][number]
        const step = stepOf(model, entry)
        const write = step.method !== 'GET'
        const before = write ? JSON.stringify(mock.snapshot()) : ''
        const answer = await send(mock, caller.key, step)
        expect(answer.status, `${step.method} ${step.path}: ${answer.text}`).toBe(step.status)
        const body = JSON.parse(answer.text) as { data?: Record<string, unknown> }
        if (answer.status < 300) step.commit?.(body.data ?? {})
        else if (write)
          expect(JSON.stringify(mock.snapshot()), 'a refused call changed the store').toBe(before)
        // Another user's record answers byte for byte as a missing one.
        if (answer.status === 404 && /\/\d+$/.test(step.path) && step.method === 'GET')
          expect(answer.text).toBe(await missingBody(mock, caller.key, step))
        // Each user's campaigns and numbers are their own, as the model has them.
        if (entry.kind === 'listAll')
          expect((body.data as unknown as { id: number }[]).map((c) => c.id)).toEqual(
            model.campaigns.filter((c) => c.owner === caller.id).map((c) => c.id),
          )
        const numbers = mock.store.listPhoneNumbers(caller.id).map((number) => number.id)
        expect(numbers).toEqual(model.numbers.filter((n) => n.owner === caller.id).map((n) => n.id))
        // No secret, anywhere it could leak.
        const journal = JSON.stringify(mock.journal.entries())
        for (const secret of model.integrations.values()) {
          expect(answer.text.includes(secret), 'a response shows a secret').toBe(false)
          expect(journal.includes(secret), 'the journal holds a secret').toBe(false)
        }
      }
    }),
    { numRuns: RUNS },
  )
  recordFigures('resources-model', figures)
}, 120_000)
