// Start-up of a process that imports the library (which imports msw, zod and faker).
import '../../dist/index.js'

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
