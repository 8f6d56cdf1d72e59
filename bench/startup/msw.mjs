// Start-up of a process that imports msw alone (the root entry, as the library does).
import 'msw'

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
