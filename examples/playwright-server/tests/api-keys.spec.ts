import { expect, test } from './fixtures.js'

// These tests run on two workers at once against one server. Each creates keys and expects to
// see exactly its own: without sessions they would see each other's writes.

for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta']) {
  test(`creates key ${name} and sees only its own writes`, async ({ page, mock, appUrl }) => {
    await page.goto(appUrl)
    await expect(page.getByRole('listitem')).toHaveText(['Production API Key'])
    await page.getByLabel('Name').fill(name)
    await page.getByRole('button', { name: 'Create key' }).click()
    await expect(page.getByRole('listitem')).toHaveText(['Production API Key', name])
    expect(await mock.journal.count({ endpoint: 'createApiKey', status: 201 })).toBe(1)
  })
}

test('shows the error when the API answers 503', async ({ page, mock, appUrl }) => {
  await mock.faults.error(503, { endpoint: 'listApiKeys' })
  await page.goto(appUrl)
  await expect(page.getByRole('alert')).toHaveText(
    'Could not load API keys: Service Unavailable (503)',
  )
})

test('starts from a scenario chosen in the test', async ({ page, mock, appUrl }) => {
  await mock.useScenario('empty')
  await page.goto(appUrl)
  await expect(page.getByRole('alert')).toHaveText(
    'Could not load API keys: Authentication required. (401)',
  )
})
