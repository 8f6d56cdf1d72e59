import { describe, expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { fixture } from './support/fixtures.js'

// Campaigns (reference §4.4): the documented examples byte for byte, then the create form as the
// docs and the web app send it, its 404 and its 422s.

const at = (iso: string) => () => new Date(iso)
const body = (code: number, message: string, data: string) =>
  `{"status":{"code":${code},"message":"${message}"},"data":${data}}`
const example = JSON.stringify(fixture('campaign.example.json'))

/** The documented form: one number, a CSV file, sent at once. */
function documentedForm(csv: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  form.append('name', 'Q1 Product Launch Campaign')
  form.append('phone_number_id', '1')
  form.append('agent_id', '123')
  form.append('recipients_file', new File([csv], 'recipients.csv', { type: 'text/csv' }))
  form.append('send_immediately', 'true')
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return form
}

/** A CSV with the documented header and `count` numbers. */
const csvOf = (count: number, eol = '\n') =>
  ['phone_number', ...Array.from({ length: count }, (_, i) => `+1555${String(i).padStart(7, '0')}`)]
    .join(eol)
    .concat(eol)

describe('the documented examples', () => {
  it('reproduces the documented Get Campaign example from the built-in data', async () => {
    const res = await call(createTestMock(), 'GET /campaigns/1')
    expect(res.status).toBe(200)
    expect(res.text).toBe(body(200, 'Success', example))
  })

  it('lists the documented campaign first among user 1 campaigns, in the documented shape', async () => {
    const res = await call(createTestMock(), 'GET /campaigns?include_details=true')
    expect(res.status).toBe(200)
    expect(
      res.text.startsWith(`{"status":{"code":200,"message":"Success"},"data":[${example}`),
    ).toBe(true)
  })

  it('reproduces the documented Create Campaign response in an empty store at its time', async () => {
    const mock = createTestMock({ scenario: 'empty', now: at('2024-01-15T10:30:00Z') })
    // The empty store has no API key, agent or number yet: user 1 signs in and gets both.
    const token = await mock.store.issueToken(1)
    const agent = mock.store.createAgent(1, { name: 'Launch caller' })
    const number = mock.store.createPhoneNumber(1, {
      phone_number: '+15550100000',
      label: 'Launch line',
      provider: 'twilio',
      agent_id: agent.id,
    })
    const form = documentedForm(csvOf(500), {
      phone_number_id: String(number.id),
      agent_id: agent.id,
    })
    const res = await call(mock, 'POST /campaigns', { bearer: token, form })
    expect(res.status).toBe(201)
    const data = JSON.stringify(fixture('create-campaign.data.json'))
    expect(res.text).toBe(body(201, 'Campaign created successfully', data))
  })
})

describe('creating a campaign', () => {
  it('reads the web app form: several caller ids, manual numbers, HH:MM time', async () => {
    const mock = createTestMock({ now: at('2025-03-01T09:00:00Z') })
    const form = new FormData()
    form.append('name', 'Spring outreach')
    form.append('phone_number_ids[]', '1')
    form.append(
      'manual_phone_numbers',
      JSON.stringify([
        { name: 'Ann', phone_number: '+15550100', language: 'en' },
        { name: 'Bo', phone_number: '+34911222333', language: 'es' },
      ]),
    )
    form.append('agent_id', '123')
    form.append('send_immediately', 'false')
    form.append('schedule_date', '2025-03-02')
    form.append('schedule_time', '14:30')
    const res = await call(mock, 'POST /campaigns', { form })
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({
      name: 'Spring outreach',
      status: 'pending',
      elevenlabs_batch_call_id: null,
      recipients_count: 2,
      scheduled_at: '2025-03-02T14:30:00Z',
      send_immediately: false,
    })
    const get = await call(mock, `GET /campaigns/${res.body.data.id}`)
    expect(get.body.data).toEqual(res.body.data)
  })

  it('reads CSV quirks: BOM, CRLF, quotes, empty lines, extra columns, invalid rows', async () => {
    const csv =
      '\uFEFFname,phone_number,language\r\n"Doe, Jane","+1 (555) 010-0001",en\r\n\r\nBob,+15550100002,"e""s"\r\nNo number,call me,en\r\n'
    const res = await call(createTestMock(), 'POST /campaigns', { form: documentedForm(csv) })
    expect(res.status).toBe(201)
    expect(res.body.data.recipients_count).toBe(2)
  })

  it('reads the documented one number per line, without a header', async () => {
    const res = await call(createTestMock(), 'POST /campaigns', {
      form: documentedForm('+15550100001\n+15550100002\n+15550100003'),
    })
    expect(res.body.data.recipients_count).toBe(3)
  })

  it('answers a foreign or missing agent or number with the documented 404, before any 422', async () => {
    const mock = createTestMock()
    const other = mock.store.listUsers().find((user) => user.id !== 1)
    const foreignAgent = other && mock.store.listAgents(other.id)[0]
    expect(foreignAgent).toBeDefined()
    for (const fields of [
      { agent_id: foreignAgent?.id ?? '' },
      { agent_id: '' },
      { phone_number_id: '999999' },
      { phone_number_id: 'abc' },
    ]) {
      const res = await call(mock, 'POST /campaigns', {
        form: documentedForm('', { ...fields, name: '' }),
      })
      expect(res.status).toBe(404)
      expect(res.body.errors).toEqual(['Phone number or agent not found'])
    }
  })

  it('lists every problem of the fields in one 422', async () => {
    const mock = createTestMock()
    const res = await call(mock, 'POST /campaigns', {
      form: documentedForm('', {
        name: ' ',
        send_immediately: 'false',
        schedule_date: '2025-02-30',
        schedule_time: '25:00',
      }),
    })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual([
      "Name can't be blank",
      'Recipients file has no phone numbers',
      'Schedule date is invalid',
      'Schedule time is invalid',
    ])
  })

  it('refuses a broken CSV, a file without numbers, no recipients and no send_immediately', async () => {
    const mock = createTestMock()
    const broken = await call(mock, 'POST /campaigns', {
      form: documentedForm('phone_number\n"+15550100001\n'),
    })
    expect(broken.status).toBe(422)
    expect(broken.body.errors[0]).toMatch(/^Recipients file is not a valid CSV \(/)
    const noNumbers = await call(mock, 'POST /campaigns', {
      form: documentedForm('name,phone,language\nAnn,+15550100001,en\n'),
    })
    expect(noNumbers.body.errors).toEqual(['Recipients file has no phone numbers'])
    const form = documentedForm('')
    form.delete('recipients_file')
    form.delete('send_immediately')
    const none = await call(mock, 'POST /campaigns', { form })
    expect(none.body.errors).toEqual([
      "Recipients file can't be blank",
      'Send immediately is not included in the list',
    ])
    const later = await call(mock, 'POST /campaigns', {
      form: documentedForm(csvOf(1), { send_immediately: 'false' }),
    })
    expect(later.body.errors).toEqual([
      "Schedule date can't be blank",
      "Schedule time can't be blank",
    ])
    expect(mock.store.listCampaigns(1).length).toBe(1)
  })
})

describe('reading campaigns', () => {
  it('answers another user campaign like a missing one', async () => {
    const mock = createTestMock()
    const other = mock.store
      .listUsers()
      .find((user) => mock.store.listCampaigns(user.id).length > 0 && user.id !== 1)
    const foreign = other && mock.store.listCampaigns(other.id)[0]
    expect(foreign).toBeDefined()
    for (const id of [foreign?.id, 999999, 'abc']) {
      const res = await call(mock, `GET /campaigns/${String(id)}`)
      expect(res.status).toBe(404)
      expect(res.body.errors).toEqual(['Campaign not found'])
    }
  })
})
