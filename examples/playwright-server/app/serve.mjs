// Serves this folder over HTTP for Playwright's webServer: the app under test, nothing else.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join } from 'node:path'

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }
const port = Number(process.env.PORT ?? 4173)

createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://app').pathname
  const file = path === '/' ? 'index.html' : path.slice(1)
  if (!(extname(file) in TYPES) || file.includes('..')) return res.writeHead(404).end()
  try {
    const body = await readFile(join(import.meta.dirname, file))
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] }).end(body)
  } catch {
    res.writeHead(404).end()
  }
}).listen(port, '127.0.0.1', () => console.log(`app on http://127.0.0.1:${port}`))
