import { expect, it } from 'vitest'
import { readBodyParams, readWrapper } from './body.js'

const encoder = new TextEncoder()

/** A multipart body as `fetch` would send a `FormData`, and its content type. */
async function multipart(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form })
  return {
    bytes: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  }
}

it('reads a JSON object body as its fields, and any other JSON as none', () => {
  const json = (text: string) => readBodyParams(encoder.encode(text), 'application/json')
  expect(json('{"name":"a","n":1}')).toEqual({ name: 'a', n: 1 })
  expect(json('[1,2]')).toEqual({})
  expect(json('  ')).toEqual({})
  expect(readBodyParams(undefined, 'application/json')).toEqual({})
  // A body of another content type is not parsed, as Rails would not parse it.
  expect(readBodyParams(encoder.encode('{"a":1}'), 'text/plain')).toEqual({})
})

it('answers malformed JSON with 400 invalid_json', () => {
  expect(() => readBodyParams(encoder.encode('{'), 'application/json')).toThrow(
    expect.objectContaining({ code: 'invalid_json', status: 400 }),
  )
})

it('reads multipart form fields and files through the same entry point', async () => {
  const form = new FormData()
  form.append('name', 'Spring launch')
  form.append('send_immediately', 'true')
  form.append('ids[]', '1')
  form.append('ids[]', '2')
  form.append('recipients_file', new File(['phone_number\n+15550001\n'], 'r.csv'))
  const { bytes, contentType } = await multipart(form)
  const params = await readBodyParams(bytes, contentType)
  expect(params).toMatchObject({ name: 'Spring launch', send_immediately: 'true', ids: ['1', '2'] })
  const file = params['recipients_file'] as File
  expect(file.name).toBe('r.csv')
  expect(await file.text()).toBe('phone_number\n+15550001\n')
})

it('keeps a form field named __proto__ as a plain field', async () => {
  const form = new FormData()
  form.append('__proto__', 'x')
  const { bytes, contentType } = await multipart(form)
  const params = await readBodyParams(bytes, contentType)
  expect(Object.getPrototypeOf(params)).toBe(Object.prototype)
  expect(Object.hasOwn(params, '__proto__')).toBe(true)
})

it('answers a broken multipart body with 400 invalid_form', async () => {
  const broken = readBodyParams(
    encoder.encode('--x\r\nnot a part'),
    'multipart/form-data; boundary=y',
  )
  await expect(broken).rejects.toMatchObject({ code: 'invalid_form', status: 400 })
})

it('still reads a JSON wrapper as Rails does: 422 for a missing one', () => {
  expect(
    readWrapper(encoder.encode('{"api_key":{"name":"a"}}'), 'application/json', 'api_key'),
  ).toEqual({
    name: 'a',
  })
  expect(() => readWrapper(encoder.encode('{}'), 'application/json', 'api_key')).toThrow(
    'param is missing or the value is empty: api_key',
  )
})
