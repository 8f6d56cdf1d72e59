import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

it("lists the caller's escalations one level down (data.data), each with the fields the app searches", async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /escalations')
  expect(res.status).toBe(200)
  const list = res.body.data.data as Record<string, unknown>[]
  expect(list.length).toBeGreaterThanOrEqual(3)
  for (const escalation of list) {
    expect(Object.keys(escalation)).toEqual([
      'id',
      'conversation_outcome_id',
      'escalation_policy_id',
      'trigger_reason',
      'handoff_status',
      'context_summary',
      'intent',
      'transcript_excerpt',
      'handled_by',
      'handled_at',
      'created_at',
      'updated_at',
    ])
    expect(escalation['context_summary']).toEqual(expect.any(String))
  }
  const pending = await call(mock, 'GET /escalations?status=pending')
  for (const escalation of pending.body.data.data) expect(escalation.handoff_status).toBe('pending')
  expect((await call(mock, 'GET /escalations?status=lost')).status).toBe(422)
})

it("updates an escalation: status, handler and handled_at; another user's is a 404", async () => {
  const mock = createTestMock({ now: () => new Date('2024-03-01T12:00:00Z') })
  const [first] = (await call(mock, 'GET /escalations')).body.data.data as { id: number }[]
  const patch = (id: number, fields: unknown) =>
    call(mock, `PATCH /escalations/${id}`, { json: { handoff_event: fields } })
  const done = await patch(first!.id, { handoff_status: 'completed', handled_by: 'Robin' })
  expect(done.status).toBe(200)
  expect(done.body.data.data).toMatchObject({
    id: first!.id,
    handoff_status: 'completed',
    handled_by: 'Robin',
    updated_at: '2024-03-01T12:00:00Z',
  })
  expect(done.body.data.data.handled_at).not.toBeNull()
  const reopened = await patch(first!.id, { handoff_status: 'pending', handled_by: null })
  expect(reopened.body.data.data).toMatchObject({ handled_by: null, handled_at: null })
  expect((await call(mock, `GET /escalations/${first!.id}`)).body.data.data).toEqual(
    reopened.body.data.data,
  )
  expect((await patch(first!.id, { handoff_status: 'lost' })).status).toBe(422)
  const foreign = mock.store.listEscalations(2)[0]!
  expect((await patch(foreign.id, { handoff_status: 'completed' })).status).toBe(404)
  expect((await call(mock, `GET /escalations/${foreign.id}`)).status).toBe(404)
})
