// The servers' side of bench/demo-server.mjs: print the base URL, then answer every line on
// stdin with this process's CPU time so far (microseconds, user + system); exit when stdin ends.
import { createInterface } from 'node:readline'

export function announce(base, close) {
  process.stdout.write(`${JSON.stringify({ base })}\n`)
  createInterface({ input: process.stdin })
    .on('line', () => {
      const cpu = process.cpuUsage()
      process.stdout.write(`${JSON.stringify({ cpu: cpu.user + cpu.system })}\n`)
    })
    .on('close', () => {
      close?.()
      process.exit(0)
    })
}
