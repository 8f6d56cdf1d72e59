import { expect, it } from 'vitest'
import { createFaultInjector } from '../toolkit/faults.js'
import { createJournal } from '../toolkit/journal.js'
import { createCore } from './core.js'
import type { AnyEndpoint } from './endpoint.js'
import type { PlainRequest } from './plain-request.js'

/** One endpoint that echoes its body's parameters, files by name and size, behind the real pipeline. */
const ECHO: AnyEndpoint = {
  name: 'echo',
  method: 'POST',
  path: '/echo',
  access: 'public',
  response: { status: 200, schema: undefined as never, message: 'Success' },
  doc: { summary: '', description: '', success: '', provenance: '', evidence: 'docs' },
  async resolve(context) {
    const params = await context.bodyParams()
    const data = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        value instanceof File ? `${value.name} (${value.size} bytes)` : value,
      ]),
    )
    return { status: 200, body: { data } }
  },
}

function createEchoCore(maxBodyBytes = 1024) {
  const journal = createJournal(100)
  const core = createCore({
    endpoints: [ECHO],
    store: {
      scenario: 'documented',
      authenticateKeyValue: () => undefined,
      authenticateToken: () => Promise.resolve({ ok: false, reason: 'malformed' }),
    },
    rateLimiter: undefined,
    faults: createFaultInjector(1, undefined),
    journal,
    recordOwner: () => undefined,
    publicKeyAccess: 'forbidden',
    revealKeyValues: false,
    maxBodyBytes,
    unknownRoutes: 'not-found',
    now: () => new Date(0),
    useScenario() {},
  })
  return { core, journal }
}

async function post(core: ReturnType<typeof createEchoCore>['core'], form: FormData) {
  const request = new Request('http://x/', { method: 'POST', body: form })
  const contentType = request.headers.get('content-type') ?? ''
  const plain: PlainRequest = {
    method: 'POST',
    path: '/api/echo',
    basePath: '/api',
    header: (name) => (name === 'content-type' ? contentType : undefined),
    body: new Uint8Array(await request.arrayBuffer()),
  }
  const answer = await core.handle(plain)
  if (answer?.kind !== 'response') throw new Error('expected a response')
  return { status: answer.status, body: JSON.parse(answer.body as string) }
}

it('reads a multipart body through the pipeline, fields and files alike', async () => {
  const { core } = createEchoCore()
  const form = new FormData()
  form.append('name', 'Q1')
  form.append('recipients_file', new File(['+15550001\n'], 'r.csv'))
  const { status, body } = await post(core, form)
  expect(status).toBe(200)
  expect(body.data).toEqual({ name: 'Q1', recipients_file: 'r.csv (10 bytes)' })
})

it('answers a multipart body over the size limit with 413, before parsing it', async () => {
  const { core, journal } = createEchoCore(64)
  const form = new FormData()
  form.append('file', new File(['x'.repeat(100)], 'big.csv'))
  const { status, body } = await post(core, form)
  expect(status).toBe(413)
  expect(body.error).toBe('payload_too_large')
  // The journal keeps no body over the limit, as for JSON.
  expect(journal.last()?.body).toBeNull()
})
