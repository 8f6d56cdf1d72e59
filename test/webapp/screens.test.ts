/**
 * Every signed-in customer screen of the Voiceable web app, against the demo server: no page
 * error, every call to the fake answered 2xx, and a check that the screen shows loaded data.
 * Out of scope: /dashboards and /workflows-v1/* (bugs in the app itself), /admin/*, the blog.
 */
import type { Page } from 'playwright-core'
import { it } from 'vitest'
import {
  isVisible,
  listed,
  pageTextWithValues,
  runCheck,
  showsAll,
  type DataCheck,
} from './support/checks.js'
import { AGENT_ID, readAsUser, tryReadAsUser, USER } from './support/fake.js'
import { recorded, useWebApp } from './support/harness.js'

useWebApp()

interface Screen {
  /** The route as the app names it, e.g. `/assistants/{id}`. */
  title: string
  path: string
  /** A tab of the assistant page, switched to after the page loaded (its own calls only). */
  tab?: { id: string; switch: (page: Page) => Promise<void> }
  checks: readonly DataCheck[]
}

const assistant = `/assistants/${AGENT_ID}`

/** The user's agents, as the fake lists them. */
const agentNames = async (): Promise<string[] | string> => {
  const agents = (await tryReadAsUser('/agents?page_size=100')) as
    Array<{ name: string }> | undefined
  return agents?.map((agent) => agent.name) ?? 'the fake did not list the agents'
}
const agentName = async (): Promise<string[] | string> => {
  const agent = (await tryReadAsUser(`/agents/${AGENT_ID}`)) as { name: string } | undefined
  return agent ? [agent.name] : `the fake did not return agent ${AGENT_ID}`
}
const keyNames = async (): Promise<string[] | string> => {
  const keys = (await tryReadAsUser('/api_keys')) as Array<{ name: string }> | undefined
  return keys?.map((key) => key.name) ?? 'the fake did not list the API keys'
}

/** The header of the assistant page, on every tab. */
const namesTheAgent = showsAll('the header names the agent (GET /agents/{id})', agentName)

/** The org line of the sidebar comes from GET /user/current: all a static page loads. */
const namesTheUser = showsAll('the sidebar names the signed-in user', () =>
  Promise.resolve([`${USER.email}'s Org`]),
)

const listsConversations = (emptyState: string): DataCheck =>
  listed('lists at least one conversation', (page) => page.locator('tr.cursor-pointer'), [
    emptyState,
    'Loading conversations',
  ])

const listsVoices = listed('lists at least one voice', (page) => page.locator('h3.font-medium'), [
  'Error loading voices',
  'No voices found',
])

const listsKeys = showsAll("lists each of the user's API keys by name", keyNames, [
  'available for Enterprise',
])

/** Clicks a tab button of the assistant page. */
const clickTab =
  (id: string) =>
  async (page: Page): Promise<void> => {
    await page.locator(`[data-tour-target="tab-${id}"]`).click()
  }

const tab = (id: string, checks: readonly DataCheck[], label = id): Screen => ({
  title: `${assistant.replace(AGENT_ID, '{id}')} tab ${label}`,
  // Opened on a tab that makes no calls of its own, then switched, so only the tab's calls count.
  path: `${assistant}?tab=${id === 'call-script' ? 'phone-number' : 'call-script'}`,
  tab: { id, switch: clickTab(id) },
  checks,
})

const SCREENS: readonly Screen[] = [
  {
    title: '/overview',
    path: '/overview',
    checks: [
      {
        description:
          'Total Cost shows a figure with two decimals (it is "0" until /metrics answers)',
        run: async (page) => {
          const value = page
            .locator('.metric-card', { hasText: 'Total Cost' })
            .locator('span.font-bold')
          if (!(await isVisible(value))) return 'no Total Cost card'
          for (let tries = 0; tries < 10; tries += 1) {
            const text = (await value.first().innerText()).trim()
            if (/^\d+\.\d{2}$/.test(text)) return undefined
            if (tries === 9) return `shows "${text}"`
            await page.waitForTimeout(500)
          }
          return undefined
        },
      },
    ],
  },
  {
    title: '/assistants',
    path: '/assistants',
    checks: [showsAll("lists each of the user's agents by name", agentNames)],
  },
  {
    title: '/assistants/create',
    path: '/assistants/create',
    checks: [
      listed('the Template step offers at least one template (GET /agent_templates)', (page) =>
        page
          .locator('button[data-wizard-action="select-template"]')
          .filter({ hasNotText: 'Blank Template' }),
      ),
    ],
  },
  {
    title: '/assistants/{id}',
    path: assistant,
    checks: [namesTheAgent, listsConversations('No conversations yet')],
  },
  tab('calls', [listsConversations('No conversations yet')]),
  tab('performance', [
    listed(
      'at least one primary goal is ticked (GET /agents/{id}/outcome_definition)',
      (page) => page.locator('button[role="checkbox"][id^="outcome-"][data-state="checked"]'),
      ['Please select at least one primary goal'],
    ),
  ]),
  tab('settings', [
    {
      description: 'the voice picker lists at least one voice (GET /voices)',
      run: async (page) => {
        await page.getByText('Voice Configuration', { exact: true }).click()
        const picker = page
          .locator('label', { hasText: /^Voices?$/ })
          .locator('xpath=following-sibling::div[1]//button')
        if (!(await isVisible(picker))) return 'no voice picker'
        await picker.first().click()
        const dialog = page.getByRole('dialog', { name: 'Select Voices' })
        if (await isVisible(dialog.locator('h3'))) return undefined
        return (await dialog.getByText('No voices available').count()) > 0
          ? 'shows "No voices available."'
          : 'no voice listed'
      },
    },
  ]),
  tab('call-script', [
    {
      description: "the first message shows the agent's greeting (its first_message)",
      run: async (page) => {
        await page.getByText('First Message Configuration', { exact: true }).click()
        const message = page.locator('textarea').first()
        if (!(await isVisible(message))) return 'no first-message field'
        const value = await message.inputValue()
        return value.trim() === '' ? 'the field is empty' : undefined
      },
    },
  ]),
  tab(
    'tools',
    [
      listed(
        'lists at least one workflow (GET /agents/{id}/agent_functions)',
        (page) => page.locator('h4.font-bold.tracking-tight'),
        ['No Workflows Yet', 'Loading Workflows'],
      ),
    ],
    'workflows',
  ),
  tab('widget', [
    {
      description: "the embed code carries one of the user's API keys (GET /api_keys)",
      run: async (page) => {
        const keys = (await readAsUser('/api_keys')) as Array<{ key_value: string | null }>
        const values = keys
          .map((key) => key.key_value)
          .filter((value): value is string => value !== null)
        if (values.length === 0) return 'the fake lists no key with a value'
        await page.getByText('Integration Setup', { exact: true }).click()
        for (let tries = 0; tries < 10; tries += 1) {
          const text = await pageTextWithValues(page)
          if (values.some((value) => text.includes(value))) return undefined
          await page.waitForTimeout(500)
        }
        return 'no key value in the page'
      },
    },
  ]),
  tab('phone-number', [
    listed(
      'shows a phone number assigned to this agent (GET /phone_numbers)',
      (page) => page.getByText(/^\+?\d[\d\s().-]{6,}$/),
      ['No Phone Numbers Yet'],
    ),
  ]),
  {
    title: '/assistants/{id} tab advanced',
    path: `${assistant}?tab=call-script`,
    tab: {
      id: 'advanced',
      // No button leads there; the page follows its URL, as a link to ?tab=advanced would.
      switch: async (page) => {
        await page.evaluate(() => window.history.pushState(null, '', '?tab=advanced'))
        await page.getByText('This section allows you to configure the privacy').waitFor()
      },
    },
    checks: [namesTheAgent],
  },
  {
    title: '/assistants/{id}/widget/design',
    path: `${assistant}/widget/design`,
    checks: [showsAll('names the agent (GET /agents/{id})', agentName)],
  },
  {
    title: '/conversations',
    path: '/conversations',
    checks: [listsConversations('No conversations found')],
  },
  {
    title: '/outbound',
    path: '/outbound',
    checks: [
      listed(
        'lists at least one campaign (needs ElevenLabs connected: GET /integrations/elevenlabs)',
        (page) => page.locator('[class*="hover:border-accent/30"] h3'),
        ['Connect ElevenLabs to get started', 'No campaigns yet'],
      ),
    ],
  },
  {
    title: '/outbound/new',
    path: '/outbound/new',
    checks: [
      {
        description: "the agent picker offers each of the user's agents (GET /agents)",
        run: async (page) => {
          const names = await agentNames()
          if (typeof names === 'string') return names
          const picker = page.getByRole('combobox').filter({ hasText: 'Choose an agent' })
          if (!(await isVisible(picker))) return 'no agent picker'
          await picker.click()
          const offered = await page.getByRole('option').allInnerTexts()
          const missing = names.filter((name) => !offered.some((text) => text.includes(name)))
          return missing.length === 0 ? undefined : `missing: ${missing.join(', ')}`
        },
      },
    ],
  },
  {
    title: '/phone-numbers',
    path: '/phone-numbers',
    checks: [
      listed(
        'lists at least one phone number (GET /phone_numbers)',
        (page) => page.getByRole('combobox'),
        ['Browse and purchase available phone numbers'],
      ),
    ],
  },
  { title: '/voice-library', path: '/voice-library', checks: [listsVoices] },
  {
    title: '/files',
    path: '/files',
    checks: [
      listed(
        'lists at least one file (GET /agent_files)',
        (page) => page.locator('button[title="Assign/Unassign agent"]'),
        ['No files uploaded yet'],
      ),
    ],
  },
  {
    title: '/escalations',
    path: '/escalations',
    checks: [
      listed(
        'lists at least one escalation (GET /escalations)',
        (page) => page.getByRole('button', { name: 'View' }),
        ['No escalations found'],
      ),
    ],
  },
  { title: '/settings', path: '/settings', checks: [namesTheUser] },
  {
    title: '/settings/integrations',
    path: '/settings/integrations',
    checks: [
      {
        description: 'counts at least one connected integration (GET /integrations)',
        run: async (page) => {
          const count = page.locator('div:has(> div:text-is("Connected")) > div.text-2xl')
          if (!(await isVisible(count))) return 'no Connected count'
          const text = (await count.first().innerText()).trim()
          return Number(text) >= 1 ? undefined : `Connected: ${text}`
        },
      },
    ],
  },
  {
    title: '/settings/integrations/elevenlabs',
    path: '/settings/integrations/elevenlabs',
    checks: [
      listed(
        'the credentials form has fields from the schema (GET /integrations/schemas)',
        (page) => page.locator('form input'),
        ['Failed to load integration schema'],
      ),
    ],
  },
  { title: '/settings/voice-library', path: '/settings/voice-library', checks: [listsVoices] },
  { title: '/settings/api-keys', path: '/settings/api-keys', checks: [listsKeys] },
  {
    title: '/settings/profile',
    path: '/settings/profile',
    checks: [
      {
        description: "the Settings card shows the user's email (GET /user/current)",
        run: async (page) => {
          await page.locator('button', { has: page.locator('h2', { hasText: 'Settings' }) }).click()
          const email = page.locator('input[readonly]')
          if (!(await isVisible(email))) return 'no email field'
          const value = await email.first().inputValue()
          return value === USER.email ? undefined : `shows "${value}"`
        },
      },
    ],
  },
  // The member list is hard-coded in the app; the user is all this page loads.
  { title: '/settings/members', path: '/settings/members', checks: [namesTheUser] },
  {
    title: '/settings/org',
    path: '/settings/org',
    checks: [
      {
        description: "the organization name is the user's (GET /user/current)",
        run: async (page) => {
          const name = page.locator('label:text-is("Organization Name") + input')
          if (!(await isVisible(name))) return 'no Organization Name field'
          const value = await name.inputValue()
          return value === `${USER.email}'s Org` ? undefined : `shows "${value}"`
        },
      },
    ],
  },
  { title: '/api-keys', path: '/api-keys', checks: [listsKeys] },
]

const slugOf = (title: string): string =>
  title
    .replace(/[{}]/g, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'root'

SCREENS.forEach((screen, order) => {
  it(`${screen.title} loads its data with no failing call`, async () => {
    await recorded(
      {
        kind: 'screen',
        order,
        title: screen.title,
        slug: `screen-${slugOf(screen.title)}`,
        url: screen.path,
      },
      async ({ session, checks, startCounting }) => {
        await session.goto(screen.path)
        await session.settle()
        if (screen.tab !== undefined) {
          startCounting()
          await screen.tab.switch(session.page)
          await session.settle()
        }
        for (const check of screen.checks) checks.push(await runCheck(check, session.page))
      },
    )
  })
})
