// Preloaded into the Voiceable web app's Next.js processes (NODE_OPTIONS=--import): every TCP or
// TLS connection to a host other than loopback fails at once with ECONNREFUSED. The app's server
// fetches its blog from the production API at build and run time; on a machine without a network
// that would hang until a timeout, and on one with a network it would leave the machine.
import net from 'node:net'

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i

/** The host a `socket.connect(...)` call names, or undefined for a Unix socket or pipe. */
function hostOf(args) {
  // net.connect() hands Socket#connect its arguments already normalized, as [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  if (first !== null && typeof first === 'object') {
    if (first.path != null) return undefined
    return first.host ?? 'localhost'
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined // a pipe path
  return typeof args[1] === 'string' ? args[1] : 'localhost'
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function connectLoopbackOnly(...args) {
  const host = hostOf(args)
  if (host === undefined || LOOPBACK_HOST.test(host)) return connect.apply(this, args)
  const error = new Error(
    `connect ECONNREFUSED ${host} (refused: only loopback connections are allowed)`,
  )
  Object.assign(error, { code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: host })
  // Asynchronously, as a real refusal: callers attach their 'error' listener after connect().
  process.nextTick(() => this.destroy(error))
  return this
}
