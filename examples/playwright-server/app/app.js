// A tiny app under test: lists the caller's API keys and creates one. The API's base URL comes
// from `?api=` (default `/api/v1`, the page's own origin); the key is the documented one.
const api = new URL(location.href).searchParams.get('api') ?? '/api/v1'
const headers = { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' }
const alert = document.querySelector('[role=alert]')
const list = document.querySelector('ul')

/** Calls the API; an error envelope or a network failure is shown in the alert. */
async function call(path, init = {}) {
  try {
    const response = await fetch(`${api}${path}`, { ...init, headers })
    const body = await response.json()
    if (!response.ok) throw new Error(`${body.status.message} (${response.status})`)
    alert.hidden = true
    return body
  } catch (error) {
    alert.textContent = `Could not load API keys: ${error.message}`
    alert.hidden = false
    return undefined
  }
}

async function refresh() {
  const body = await call('/api_keys')
  if (body === undefined) return
  list.replaceChildren(
    ...body.data.map((key) =>
      Object.assign(document.createElement('li'), { textContent: key.name }),
    ),
  )
  document.body.dataset.loaded = 'true'
}

document.querySelector('form').addEventListener('submit', async (event) => {
  event.preventDefault()
  const name = new FormData(event.target).get('name')
  await call('/api_keys', {
    method: 'POST',
    body: JSON.stringify({ api_key: { name, key_type: 'private' } }),
  })
  await refresh()
})

await refresh()
