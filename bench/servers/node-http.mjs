// A hand-written node:http server doing the same lookup as the fake's GET /api_keys/{id}:
// X-API-Key → owner, key by id, ownership, the documented envelope and X-RateLimit-* headers,
// over the same data (the default mock's snapshot).
import { createServer } from 'node:http'
import { createVoiceableMock } from '../../dist/index.js'
import { announce } from './control.mjs'

const snapshot = createVoiceableMock().snapshot()
const keys = new Map(snapshot.api_keys.map((key) => [key.id, key]))
const ownerBySecret = new Map(snapshot.api_keys.map((key) => [key.key_value, key.user_id]))
const windows = new Map()
const LIMIT = 1_000_000_000
const ROUTE = /^\/api\/v1\/api_keys\/(\d+)$/

function send(res, status, body, userId) {
  const now = Date.now()
  let window = windows.get(userId)
  if (window === undefined || now >= window.start + 60_000)
    windows.set(userId, (window = { start: now, count: 0 }))
  window.count++
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-RateLimit-Limit': String(LIMIT),
    'X-RateLimit-Remaining': String(LIMIT - window.count),
    'X-RateLimit-Reset': String(Math.ceil((window.start + 60_000) / 1000)),
  })
  res.end(JSON.stringify(body))
}

const notFound = {
  status: { code: 404, message: 'Not Found' },
  error: 'not_found',
  errors: ['API key not found'],
}
const server = createServer((req, res) => {
  const userId = ownerBySecret.get(req.headers['x-api-key'])
  if (userId === undefined)
    return send(
      res,
      401,
      {
        status: { code: 401, message: 'Unauthorized' },
        error: 'unauthorized',
        errors: ['Invalid API key'],
      },
      0,
    )
  const match = req.method === 'GET' ? ROUTE.exec(req.url) : null
  const key = match === null ? undefined : keys.get(Number(match[1]))
  if (key === undefined || key.user_id !== userId) return send(res, 404, notFound, userId)
  send(
    res,
    200,
    { status: { code: 200, message: 'Success' }, data: { ...key, key_value: null } },
    userId,
  )
})
server.listen(0, '127.0.0.1', () =>
  announce(`http://127.0.0.1:${server.address().port}/api/v1`, () => server.close()),
)
