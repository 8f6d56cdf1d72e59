import { expect, it } from 'vitest'
import { parseCredentials } from './credentials.js'

/** Headers as the core reads them: by lower-case name, repeated headers joined (Fetch's own rule). */
const lookup = (headers: Headers) => (name: string) => headers.get(name) ?? undefined

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'

it.each([
  // [headers, expected credentials]
  [{}, []],
  [{ 'X-API-Key': 'your-api-key-here' }, [{ scheme: 'x-api-key', token: 'your-api-key-here' }]],
  // Header names are case-insensitive.
  [{ 'x-api-key': 'sk_live_abc' }, [{ scheme: 'x-api-key', token: 'sk_live_abc' }]],
  // Surrounding whitespace is trimmed by Headers itself.
  [{ 'X-API-Key': '  sk_live_abc  ' }, [{ scheme: 'x-api-key', token: 'sk_live_abc' }]],
  // A header with no value, or only whitespace, is no credential at all.
  [{ 'X-API-Key': '' }, []],
  [{ 'X-API-Key': ' \t ' }, []],
  [{ Authorization: '' }, []],
  [{ Authorization: '  ' }, []],
  [
    { 'X-API-Key': '', Authorization: 'Bearer sk_live_abc' },
    [{ scheme: 'bearer-key', token: 'sk_live_abc' }],
  ],
  // A no-break space is not HTTP whitespace: a value that cannot be a key.
  [{ 'X-API-Key': '\u00a0' }, [{ scheme: 'malformed', header: 'x-api-key' }]],
  // A key with an inner space or a comma (two headers joined by fetch) cannot be a key.
  [{ 'X-API-Key': 'a b' }, [{ scheme: 'malformed', header: 'x-api-key' }]],
  [{ 'X-API-Key': 'a, b' }, [{ scheme: 'malformed', header: 'x-api-key' }]],
  [{ Authorization: 'Bearer sk_live_abc' }, [{ scheme: 'bearer-key', token: 'sk_live_abc' }]],
  // The scheme is case-insensitive (RFC 7235) and may be followed by several spaces.
  [{ Authorization: 'bearer sk_live_abc' }, [{ scheme: 'bearer-key', token: 'sk_live_abc' }]],
  [{ Authorization: 'BEARER   sk_live_abc' }, [{ scheme: 'bearer-key', token: 'sk_live_abc' }]],
  [{ Authorization: `Bearer ${JWT}` }, [{ scheme: 'bearer-jwt', token: JWT }]],
  [{ Authorization: 'Bearer' }, [{ scheme: 'malformed', header: 'authorization' }]],
  [{ Authorization: 'Bearer ' }, [{ scheme: 'malformed', header: 'authorization' }]],
  [{ Authorization: 'Basic dXNlcjpwYXNz' }, [{ scheme: 'malformed', header: 'authorization' }]],
  [{ Authorization: 'sk_live_abc' }, [{ scheme: 'malformed', header: 'authorization' }]],
  [{ Authorization: 'Bearer a b' }, [{ scheme: 'malformed', header: 'authorization' }]],
  // Two Authorization headers arrive joined by ", ".
  [{ Authorization: 'Bearer a, Bearer b' }, [{ scheme: 'malformed', header: 'authorization' }]],
  // Both headers: X-API-Key first.
  [
    { 'X-API-Key': 'k1', Authorization: 'Bearer k2' },
    [
      { scheme: 'x-api-key', token: 'k1' },
      { scheme: 'bearer-key', token: 'k2' },
    ],
  ],
])('parses %j', (headers, expected) => {
  expect(parseCredentials(lookup(new Headers(headers)))).toEqual(expected)
})

it('reads two appended Authorization headers as one malformed credential', () => {
  const headers = new Headers()
  headers.append('Authorization', 'Bearer k1')
  headers.append('Authorization', 'Bearer k1')
  expect(parseCredentials(lookup(headers))).toEqual([
    { scheme: 'malformed', header: 'authorization' },
  ])
})
