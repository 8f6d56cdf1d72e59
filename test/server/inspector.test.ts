import { request as httpRequest } from 'node:http'
import { afterEach, expect, it, vi } from 'vitest'
import { startMockServer, type MockServer, type StartMockServerOptions } from 'voiceable-mock/node'
import { CONTROL_MESSAGES } from '../../src/node/control.js'
import { DOCUMENTED_API_KEY } from '../support/documented.js'

// The inspector over real HTTP: its page and files, the routes it reads (data, events,
// sessions) and the Origin rule that lets the server's own page, and no other, use the control
// API. The page itself, in Chromium: test/browser/inspector.test.ts.

vi.setConfig({ testTimeout: 20_000 })

const AUTH = { 'X-API-Key': DOCUMENTED_API_KEY.key_value }
const started: MockServer[] = []

async function start(options: StartMockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer(options)
  started.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

/** A request with any `Host` (fetch cannot set one): status, headers and body text. */
function raw(
  server: MockServer,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
      )
    })
    request.on('error', reject).end()
  })
}

it('serves the page, its script and its style at /__voiceable/, with strict headers', async () => {
  const server = await start()
  const page = await fetch(`${server.url}/__voiceable/`)
  expect(page.status).toBe(200)
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
  expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  expect(page.headers.get('access-control-allow-origin')).toBeNull()
  const html = await page.text()
  expect(html).toContain('<script type="module" src="inspector.js"></script>')
  // Offline: nothing is loaded from another host.
  expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//)
  const script = await fetch(`${server.url}/__voiceable/inspector.js`)
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  expect(await script.text()).not.toMatch(/https?:\/\/(?!www\.w3\.org)[\w.-]+\.\w+\//)
  const style = await fetch(`${server.url}/__voiceable/inspector.css`)
  expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8')
  expect(await style.text()).not.toMatch(/@import|url\(/)
  const head = await fetch(`${server.url}/__voiceable/`, { method: 'HEAD' })
  expect(head.status).toBe(200)
  expect(await head.text()).toBe('')
  const redirect = await fetch(`${server.url}/__voiceable`, { redirect: 'manual' })
  expect(redirect.status).toBe(308)
  expect(redirect.headers.get('location')).toBe('/__voiceable/')
})

it('turns the page off with the control API (control: false)', async () => {
  const server = await start({ control: false })
  for (const path of ['/__voiceable/', '/__voiceable/inspector.js', '/__voiceable/data']) {
    const answer = await fetch(`${server.url}${path}`)
    expect(answer.status, path).toBe(404)
    expect((await answer.json()).error, path).toBe('route_not_found')
  }
})

it("admits the server's own origin, by whichever name the Host gives, and refuses any other", async () => {
  const server = await start()
  const { port } = new URL(server.url)
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
    const own = await raw(server, 'POST', '/__voiceable/reset', {
      Host: host,
      Origin: `http://${host}`,
    })
    expect(own.status, host).toBe(200)
  }
  const others = [
    { Host: `localhost:${port}`, Origin: `http://127.0.0.1:${port}` },
    { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:5173` },
    { Host: `127.0.0.1:${port}`, Origin: `https://127.0.0.1:${port}` },
    { Host: `127.0.0.1:${port}`, Origin: 'null' },
  ]
  for (const headers of others) {
    const refused = await raw(server, 'POST', '/__voiceable/reset', headers)
    expect(refused.status, JSON.stringify(headers)).toBe(403)
    expect(JSON.parse(refused.text).errors).toEqual([CONTROL_MESSAGES.pageOrigin])
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  }
  // A DNS-rebinding page is same-origin with itself; the Host rule still refuses it.
  const rebound = await raw(server, 'GET', '/__voiceable/data', {
    Host: `evil.example:${port}`,
    Origin: `http://evil.example:${port}`,
  })
  expect(rebound.status).toBe(403)
  expect(JSON.parse(rebound.text).errors).toEqual([
    CONTROL_MESSAGES.foreignHost(`evil.example:${port}`),
  ])
})

it('serves the page without the token, and its data only with it', async () => {
  const server = await start({ controlToken: 'sesame-123' })
  expect((await fetch(`${server.url}/__voiceable/`)).status).toBe(200)
  const own = { Origin: server.url }
  expect((await fetch(`${server.url}/__voiceable/data`, { headers: own })).status).toBe(200)
  expect(
    (
      await fetch(`${server.url}/__voiceable/data`, {
        headers: { ...own, Authorization: 'Bearer wrong' },
      })
    ).status,
  ).toBe(403)
  expect(
    (
      await fetch(`${server.url}/__voiceable/data`, {
        headers: { Origin: 'http://localhost:5173', Authorization: 'Bearer sesame-123' },
      })
    ).status,
  ).toBe(200)
})

it('lists the store by user, secrets masked and passwords shown, and never the signing secret', async () => {
  const server = await start()
  const answer = await fetch(`${server.url}/__voiceable/data`)
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
  const data = await answer.json()
  expect(data.status).toEqual({ code: 200, message: 'OK' })
  expect(data.users[0].record).toMatchObject({ email: 'user@example.com', password: 'password' })
  expect(data.users[0].records.api_keys.records[0].key_value).toBe('********')
  const text = JSON.stringify(data)
  expect(text).not.toContain(DOCUMENTED_API_KEY.key_value)
  expect(text).not.toContain(server.mock.snapshot().token_secret)
  expect(data.endpoints).toContain('listApiKeys')
  expect(data.scenarios).toContain('multi-tenant')
})

/** Reads a stream of server-sent events until `until` holds for the names read so far. */
async function readEvents(
  response: Response,
  until: (names: string[]) => boolean,
): Promise<{ name: string; data: any }[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  for (;;) {
    const events = text
      .split('\n\n')
      .slice(0, -1)
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [name, data] = block.split('\n')
        return { name: name?.slice(7) ?? '', data: JSON.parse(data?.slice(6) ?? 'null') }
      })
    if (until(events.map((event) => event.name))) {
      await reader.cancel()
      return events
    }
    const { value, done } = await reader.read()
    if (done) throw new Error(`The stream ended after: ${text}`)
    text += decoder.decode(value, { stream: true })
  }
}

it("streams a session's own requests, and the default store's stay out of it", async () => {
  const server = await start()
  const session = { 'X-Voiceable-Mock-Session': 'worker-1' }
  const stream = await fetch(`${server.url}/__voiceable/events`, { headers: session })
  expect(stream.status).toBe(200)
  expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
  await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  await fetch(`${server.baseUrl}/api_keys/2`, { headers: { ...AUTH, ...session } })
  const events = await readEvents(stream, (names) => names.includes('request'))
  expect(events[0]).toEqual({ name: 'ready', data: { session: 'worker-1' } })
  const requests = events.filter((event) => event.name === 'request')
  expect(requests.map((event) => event.data.path)).toEqual(['/api/v1/api_keys/2'])
  expect(requests[0]?.data.reason).toBe(
    '404: API key 2 belongs to user 2, not to the caller (user 1)',
  )
  const sessions = await (await fetch(`${server.url}/__voiceable/sessions`)).json()
  expect(sessions.sessions).toEqual(['worker-1'])
})

it('refuses the event stream to a page on another origin', async () => {
  const server = await start()
  const answer = await fetch(`${server.url}/__voiceable/events`, {
    headers: { Origin: 'http://localhost:5173' },
  })
  expect(answer.status).toBe(403)
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
})
