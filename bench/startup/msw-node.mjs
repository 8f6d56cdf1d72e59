// Start-up of what a Node test file imports anyway: msw and msw/node (setupServer).
import 'msw'
import 'msw/node'

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
