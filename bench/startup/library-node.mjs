// Start-up of a Node test file using the library: msw/node plus the library.
import 'msw/node'
import '../../dist/index.js'

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
