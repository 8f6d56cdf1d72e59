// Start-up of a Node test file with msw alone: one handler, setupServer, listen and close.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

const server = setupServer(http.get('https://api.example.com/ping', () => HttpResponse.json({})))
server.listen({ onUnhandledRequest: 'error' })
server.close()

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
