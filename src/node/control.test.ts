import { expect, it } from 'vitest'
import { checkControlAccess, CONTROL_MESSAGES, isControlPath } from './control.js'

const LOOPBACK = '127.0.0.1'
const OTHER = '192.0.2.10'
/** The policies: no control token, or the token `t0k`. */
const OPEN = { token: undefined }
const T0K = { token: 't0k' }
const WRONG_TOKEN = CONTROL_MESSAGES.wrongToken

it.each([
  // From this machine, with no Origin: the everyday case of a test runner.
  [OPEN, { remoteAddress: LOOPBACK }, true],
  [OPEN, { remoteAddress: '127.8.9.10' }, true], // all of 127.0.0.0/8 is loopback
  [OPEN, { remoteAddress: '::1' }, true],
  [OPEN, { remoteAddress: '::ffff:127.0.0.1' }, true], // a dual-stack socket's IPv4
  // An Origin means a web page sent it: refused even from loopback.
  [OPEN, { remoteAddress: LOOPBACK, origin: 'http://localhost:5173' }, CONTROL_MESSAGES.pageOrigin],
  [T0K, { remoteAddress: LOOPBACK, origin: 'null' }, CONTROL_MESSAGES.pageOrigin],
  // The server's own page (the inspector), at the origin the Host names: admitted, by any name
  // that passes the Host rule; another port, scheme or name is another origin.
  [
    OPEN,
    { remoteAddress: LOOPBACK, origin: 'http://localhost:3000', host: 'localhost:3000' },
    true,
  ],
  [
    OPEN,
    { remoteAddress: LOOPBACK, origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
    true,
  ],
  [OPEN, { remoteAddress: '::1', origin: 'http://[::1]:3000', host: '[::1]:3000' }, true],
  [OPEN, { remoteAddress: LOOPBACK, origin: 'http://localhost', host: 'LOCALHOST:80' }, true],
  [
    OPEN,
    { remoteAddress: LOOPBACK, origin: 'http://localhost:5173', host: 'localhost:3000' },
    CONTROL_MESSAGES.pageOrigin,
  ],
  [
    OPEN,
    { remoteAddress: LOOPBACK, origin: 'https://localhost:3000', host: 'localhost:3000' },
    CONTROL_MESSAGES.pageOrigin,
  ],
  [
    OPEN,
    { remoteAddress: LOOPBACK, origin: 'http://127.0.0.1:3000', host: 'localhost:3000' },
    CONTROL_MESSAGES.pageOrigin,
  ],
  [OPEN, { remoteAddress: LOOPBACK, origin: 'http://localhost:3000' }, CONTROL_MESSAGES.pageOrigin],
  [OPEN, { remoteAddress: LOOPBACK, origin: 'null', host: 'null' }, CONTROL_MESSAGES.pageOrigin],
  // A DNS-rebinding page is same-origin with itself: the Host rule still refuses it.
  [
    OPEN,
    { remoteAddress: LOOPBACK, origin: 'http://evil.example:3000', host: 'evil.example:3000' },
    CONTROL_MESSAGES.foreignHost('evil.example:3000'),
  ],
  // Its own origin on another address still needs the token there.
  [
    OPEN,
    { remoteAddress: OTHER, origin: 'http://192.0.2.1:3000', host: '192.0.2.1:3000' },
    CONTROL_MESSAGES.notLoopback(OTHER),
  ],
  // Another address needs the token.
  [OPEN, { remoteAddress: OTHER }, CONTROL_MESSAGES.notLoopback(OTHER)],
  [T0K, { remoteAddress: '::ffff:192.0.2.10' }, CONTROL_MESSAGES.notLoopback('::ffff:192.0.2.10')],
  [OPEN, { remoteAddress: undefined }, CONTROL_MESSAGES.notLoopback('an unknown address')],
  // The token admits from anywhere, with or without an Origin; the scheme is case-insensitive.
  [T0K, { remoteAddress: OTHER, authorization: 'Bearer t0k' }, true],
  [T0K, { remoteAddress: OTHER, authorization: 'bearer t0k', origin: 'https://x.test' }, true],
  // A wrong token is refused, never ignored, even from loopback.
  [T0K, { remoteAddress: LOOPBACK, authorization: 'Bearer t0K' }, WRONG_TOKEN],
  [T0K, { remoteAddress: LOOPBACK, authorization: 'Bearer' }, WRONG_TOKEN],
  [T0K, { remoteAddress: LOOPBACK, authorization: 't0k' }, WRONG_TOKEN],
  [T0K, { remoteAddress: LOOPBACK, authorization: 'Bearer t0k t0k' }, WRONG_TOKEN],
  // A Host that is no IP address and no localhost may be a DNS-rebinding page's own domain.
  [OPEN, { remoteAddress: LOOPBACK, host: 'localhost:3000' }, true],
  [OPEN, { remoteAddress: LOOPBACK, host: 'app.localhost' }, true],
  [OPEN, { remoteAddress: LOOPBACK, host: '127.0.0.1:3000' }, true],
  [OPEN, { remoteAddress: '::1', host: '[::1]:3000' }, true],
  [
    OPEN,
    { remoteAddress: LOOPBACK, host: 'evil.example:3000' },
    CONTROL_MESSAGES.foreignHost('evil.example:3000'),
  ],
  [T0K, { remoteAddress: LOOPBACK, host: 'evil.example', authorization: 'Bearer t0k' }, true],
  // A token sent to a server without one is a misconfigured client: say so.
  [OPEN, { remoteAddress: LOOPBACK, authorization: 'Bearer t0k' }, CONTROL_MESSAGES.noToken],
] as const)('checkControlAccess(%j, %j) is %j', (policy, request, expected) => {
  const result = checkControlAccess(policy, {
    origin: undefined,
    authorization: undefined,
    ...request,
  })
  expect(result).toEqual(expected === true ? { ok: true } : { ok: false, reason: expected })
})

it.each([
  ['/__voiceable', true],
  ['/__voiceable/reset', true],
  ['/__voiceable/faults/fault-1', true],
  ['/__voiceablex/reset', false],
  ['/api/v1/__voiceable/reset', false],
  ['/', false],
])('isControlPath(%j) is %j', (path, expected) => {
  expect(isControlPath(path)).toBe(expected)
})
