// Request loops through the global `fetch` (intercepted by msw's setupServer), bounded in count,
// yielding to the event loop after every batch. Each returns microseconds per request, as wall
// time and as this process's CPU time (user + system, all threads).
import { perRequest, startClock, turn } from './harness.mjs'

async function one(url, init) {
  const response = await fetch(url, init)
  if (response.status !== 200)
    throw new Error(
      `Failed to benchmark: ${url} answered ${response.status}: ${await response.text()}`,
    )
  return response.json()
}

/** `count` requests one after another (`urlAt(i)` gives the i-th URL); a turn every `batch`. */
export async function sequential(urlAt, init, count, batch = 50) {
  const clock = startClock()
  for (let i = 0; i < count; i++) {
    await one(urlAt(i), init)
    if ((i + 1) % batch === 0) await turn()
  }
  return perRequest(clock, count)
}

/** `batches` waves of `concurrency` requests in flight at once; a turn after each wave. */
export async function concurrent(urlAt, init, batches, concurrency = 50) {
  const clock = startClock()
  let i = 0
  for (let b = 0; b < batches; b++) {
    const wave = []
    for (let c = 0; c < concurrency; c++) wave.push(one(urlAt(i++), init))
    await Promise.all(wave)
    await turn()
  }
  return perRequest(clock, batches * concurrency)
}
