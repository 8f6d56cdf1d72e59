// Start-up baseline: node itself, importing nothing.

// The process reports its own CPU time (user + system, from process start) to bench/startup.mjs.
const cpu = process.cpuUsage()
process.stdout.write(String(cpu.user + cpu.system))
