// Found by the multipart fuzz (test/fuzz/multipart.test.ts): a broken multipart body sent to an
// endpoint whose body is documented as JSON but read from the top level (`POST /phone_numbers`,
// `PATCH /phone_numbers/:id`) is 400 `invalid_form`, as Rails answers any route, but the OpenAPI
// document listed only `bad_request` and `invalid_json` for its 400: a client generated from it
// could not name the error. Every operation with a body now lists `invalid_form` too.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE } from 'voiceable-mock'

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>
  components: { responses: Record<string, { description: string }> }
}

const document = JSON.parse(
  readFileSync(new URL('../../dist/openapi.json', import.meta.url), 'utf8'),
) as Document

function documented400(path: string, method: string): string {
  const response = document.paths[path]?.[method]?.responses['400']
  const name = response?.$ref?.split('/').pop() ?? ''
  return document.components.responses[name]?.description ?? JSON.stringify(response)
}

it('answers a broken form to POST /phone_numbers with 400 invalid_form, which its document lists', async () => {
  const mock = createVoiceableMock()
  const response = await mock.fetch('https://api.example.com/api/v1/phone_numbers', {
    method: 'POST',
    headers: {
      'X-API-Key': DOCUMENTED_KEY_VALUE,
      'Content-Type': 'multipart/form-data; boundary=b',
    },
    body: '--b\r\nContent-Disposition: form-data; name="phone_number"\r\n\r\n+1555',
  })
  expect(response.status).toBe(400)
  expect((await response.json()).error).toBe('invalid_form')
  expect(documented400('/phone_numbers', 'post')).toContain('`invalid_form`')
  expect(documented400('/phone_numbers/{phoneNumberId}', 'patch')).toContain('`invalid_form`')
})

it('lists invalid_form beside invalid_json for every operation with a body', () => {
  for (const [path, operations] of Object.entries(document.paths))
    for (const method of Object.keys(operations))
      if (documented400(path, method).includes('`invalid_json`'))
        expect(documented400(path, method), `${method} ${path}`).toContain('`invalid_form`')
})
