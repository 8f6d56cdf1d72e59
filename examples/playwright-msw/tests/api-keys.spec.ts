import { expect, test } from './fixtures.js'

test('lists the documented key', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('listitem')).toHaveText(['Production API Key'])
})

test('starts from a scenario chosen in the test', async ({ page, mock }) => {
  mock.useScenario('many-keys')
  await page.goto('/')
  await expect(page.getByRole('listitem')).toHaveCount(500)
})

test('creates a key, and the journal shows the request the page sent', async ({ page, mock }) => {
  await page.goto('/')
  await page.getByLabel('Name').fill('From Playwright')
  await page.getByRole('button', { name: 'Create key' }).click()
  await expect(page.getByRole('listitem')).toHaveText(['Production API Key', 'From Playwright'])
  expect(mock.journal.last({ endpoint: 'createApiKey' })).toMatchObject({
    status: 201,
    body: { api_key: { name: 'From Playwright', key_type: 'private' } },
  })
})

test('shows the error when the API answers 503', async ({ page, mock }) => {
  mock.faults.error(503, { endpoint: 'listApiKeys' })
  await page.goto('/')
  await expect(page.getByRole('alert')).toHaveText(
    'Could not load API keys: Service Unavailable (503)',
  )
})
