// Start-up of a Node test file with the library: the default mock's handlers in setupServer,
// listen and close (what msw-setup-server.mjs does with one handler of its own).
import { setupServer } from 'msw/node'
import { createVoiceableMock } from '../../dist/index.js'

const server = setupServer(...createVoiceableMock().handlers)
server.listen({ onUnhandledRequest: 'error' })
server.close()

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
