// Start-up of a process that imports the library and creates the default mock (seeded data).
import { createVoiceableMock } from '../../dist/index.js'

createVoiceableMock()

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
