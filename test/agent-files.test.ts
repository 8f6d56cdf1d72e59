import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

it('uploads a file as the web app does: an upload URL on the fake, an unauthenticated PUT, then create_and_sync', async () => {
  const mock = createTestMock()
  const asked = await call(mock, 'POST /aws_s3/direct_upload', {
    json: { filename: 'notes.txt', content_type: 'text/plain', key_name: 'notes.txt-1' },
  })
  expect(asked.status).toBe(200)
  const { url, key, public_url: publicUrl } = asked.body as Record<string, string>
  expect(Object.keys(asked.body)).toEqual(['status', 'url', 'key', 'public_url'])
  expect(url).toMatch(
    /^https:\/\/api\.example\.com\/api\/v1\/aws_s3\/uploads\/kb_\w{20}\?X-Mock-Signature=\w+$/,
  )
  // Not uploaded yet: no file can name it.
  const early = await call(mock, 'POST /agent_files/create_and_sync', {
    json: {
      s3_key: key,
      s3_url: publicUrl,
      file_name: 'notes.txt',
      file_size: 5,
      content_type: 'text/plain',
    },
  })
  expect(early.status).toBe(422)
  const path = url!.replace('https://api.example.com/api/v1', '')
  const forged = await call(mock, `PUT ${path.replace(/=\w+$/, '=forged')}`, {
    apiKey: null,
    body: 'hello',
    headers: { 'Content-Type': 'text/plain' },
  })
  expect(forged.status).toBe(403)
  const put = await call(mock, `PUT ${path}`, {
    apiKey: null,
    body: 'hello',
    headers: { 'Content-Type': 'text/plain' },
  })
  expect(put.status).toBe(200)
  const created = await call(mock, 'POST /agent_files/create_and_sync', {
    json: {
      s3_key: key,
      s3_url: publicUrl,
      file_name: 'notes.txt',
      file_size: 5,
      content_type: 'text/plain',
      agent_id: '123',
    },
  })
  expect(created.status).toBe(201)
  expect(created.body.data).toMatchObject({
    file_name: 'notes.txt',
    s3_key: key,
    agent_id: 123,
    agent_name: expect.any(String),
    elevenlabs_document_id: expect.stringMatching(/^doc_/),
  })
  const listed = (await call(mock, 'GET /agent_files')).body.data as { id: number }[]
  expect(listed.map((file) => file.id)).toContain(created.body.data.id)
  const usage = await call(mock, `GET /agent_files/${created.body.data.id}/usage`)
  expect(usage.body.data).toMatchObject({ file_name: 'notes.txt', agents: [{ id: 123 }] })
  // An attached file is deleted through its agent's path; the flat path then finds nothing.
  const id = created.body.data.id as number
  expect((await call(mock, `DELETE /agents/123/agent_files/${id}`)).status).toBe(200)
  expect((await call(mock, `DELETE /agent_files/${id}`)).status).toBe(404)
})

it("seeds an attached and an unattached file per user; another user's file is a 404", async () => {
  const mock = createTestMock()
  const files = (await call(mock, 'GET /agent_files')).body.data as {
    id: number
    agent_id: number | null
    elevenlabs_document_id: string | null
  }[]
  expect(files.some((file) => file.agent_id !== null && file.elevenlabs_document_id !== null)).toBe(
    true,
  )
  const unattached = files.find((file) => file.agent_id === null)!
  expect(unattached.elevenlabs_document_id).toBeNull()
  const foreign = mock.store.listAgentFiles(2)[0]!
  expect((await call(mock, `DELETE /agent_files/${foreign.id}`)).status).toBe(404)
  expect((await call(mock, `DELETE /agent_files/${unattached.id}`)).status).toBe(200)
})

it("serves a conversation's recording as a WAV file; another user's is a 404", async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /conversations/conv_abc123/audio')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('audio/wav')
  expect(Number(res.headers.get('content-length'))).toBe(44 + 16_000)
  expect(res.text.slice(0, 4)).toBe('RIFF')
  expect(mock.journal.last()?.response).toEqual({ content_type: 'audio/wav', byte_length: 16_044 })
  const foreign = mock.store.listConversations(2)!.data[0]!.conversation_id
  expect((await call(mock, `GET /conversations/${foreign}/audio`)).status).toBe(404)
})
