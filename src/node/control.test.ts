import { expect, it } from 'vitest'
import { checkControlAccess, CONTROL_MESSAGES, isControlPath } from './control.js'

const LOOPBACK = '127.0.0.1'
const OTHER = '192.0.2.10'

it.each([
  // From this machine, with no Origin: the everyday case of a test runner.
  [{ token: undefined }, { remoteAddress: LOOPBACK }, true],
  [{ token: undefined }, { remoteAddress: '127.8.9.10' }, true], // all of 127.0.0.0/8 is loopback
  [{ token: undefined }, { remoteAddress: '::1' }, true],
  [{ token: undefined }, { remoteAddress: '::ffff:127.0.0.1' }, true], // a dual-stack socket's IPv4
  // An Origin means a web page sent it: refused even from loopback.
  [
    { token: undefined },
    { remoteAddress: LOOPBACK, origin: 'http://localhost:5173' },
    CONTROL_MESSAGES.pageOrigin,
  ],
  [{ token: 't0k' }, { remoteAddress: LOOPBACK, origin: 'null' }, CONTROL_MESSAGES.pageOrigin],
  // Another address needs the token.
  [{ token: undefined }, { remoteAddress: OTHER }, CONTROL_MESSAGES.notLoopback(OTHER)],
  [
    { token: 't0k' },
    { remoteAddress: '::ffff:192.0.2.10' },
    CONTROL_MESSAGES.notLoopback('::ffff:192.0.2.10'),
  ],
  [
    { token: undefined },
    { remoteAddress: undefined },
    CONTROL_MESSAGES.notLoopback('an unknown address'),
  ],
  // The token admits from anywhere, with or without an Origin; the scheme is case-insensitive.
  [{ token: 't0k' }, { remoteAddress: OTHER, authorization: 'Bearer t0k' }, true],
  [
    { token: 't0k' },
    { remoteAddress: OTHER, authorization: 'bearer t0k', origin: 'https://x.test' },
    true,
  ],
  // A wrong token is refused, never ignored, even from loopback.
  [
    { token: 't0k' },
    { remoteAddress: LOOPBACK, authorization: 'Bearer t0K' },
    CONTROL_MESSAGES.wrongToken,
  ],
  [
    { token: 't0k' },
    { remoteAddress: LOOPBACK, authorization: 'Bearer' },
    CONTROL_MESSAGES.wrongToken,
  ],
  [
    { token: 't0k' },
    { remoteAddress: LOOPBACK, authorization: 't0k' },
    CONTROL_MESSAGES.wrongToken,
  ],
  [
    { token: 't0k' },
    { remoteAddress: LOOPBACK, authorization: 'Bearer t0k t0k' },
    CONTROL_MESSAGES.wrongToken,
  ],
  // A Host that is no IP address and no localhost may be a DNS-rebinding page's own domain.
  [{ token: undefined }, { remoteAddress: LOOPBACK, host: 'localhost:3000' }, true],
  [{ token: undefined }, { remoteAddress: LOOPBACK, host: 'app.localhost' }, true],
  [{ token: undefined }, { remoteAddress: LOOPBACK, host: '127.0.0.1:3000' }, true],
  [{ token: undefined }, { remoteAddress: '::1', host: '[::1]:3000' }, true],
  [
    { token: undefined },
    { remoteAddress: LOOPBACK, host: 'evil.example:3000' },
    CONTROL_MESSAGES.foreignHost('evil.example:3000'),
  ],
  [
    { token: 't0k' },
    { remoteAddress: LOOPBACK, host: 'evil.example', authorization: 'Bearer t0k' },
    true,
  ],
  // A token sent to a server without one is a misconfigured client: say so.
  [
    { token: undefined },
    { remoteAddress: LOOPBACK, authorization: 'Bearer t0k' },
    CONTROL_MESSAGES.noToken,
  ],
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
