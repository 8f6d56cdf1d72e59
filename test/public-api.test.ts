import * as root from 'voiceable-mock'
import * as node from 'voiceable-mock/node'
import { expect, it } from 'vitest'

// The public surface, value by value: each one is a promise to keep (CHANGELOG.md says what
// 0.2.0 removed). Types are pinned in public-api.test-d.ts.

it('exports exactly these values from voiceable-mock', () => {
  expect(Object.keys(root).sort()).toEqual(
    [
      'createVoiceableMock',
      'scenarioFromUrl',
      'SCENARIOS',
      'SCENARIO_HEADER',
      'SnapshotError',
      'ERROR_MESSAGES',
      'ERROR_STATUS',
      'SUCCESS_MESSAGES',
      'DOCUMENTED_KEY_VALUE',
      'ApiKeySchema',
      'ApiKeyResponseSchema',
      'CreateApiKeyRequestSchema',
      'CreateApiKeyResponseSchema',
      'DeleteApiKeyResponseSchema',
      'ErrorResponseSchema',
      'KeyTypeSchema',
      'ListApiKeysResponseSchema',
      'StatusSchema',
      'UpdateApiKeyRequestSchema',
      'SIGN_UP_MESSAGES',
      'AgentResponseSchema',
      'AgentSchema',
      'AuthResponseSchema',
      'CreateAgentRequestSchema',
      'CurrentUserResponseSchema',
      'DeleteAgentResponseSchema',
      'ListAgentsQuerySchema',
      'ListAgentsResponseSchema',
      'MembershipStatusSchema',
      'RoleSchema',
      'SignInRequestSchema',
      'SignOutResponseSchema',
      'SignUpRequestSchema',
      'UpdateAgentRequestSchema',
      'UserSchema',
    ].sort(),
  )
})

it('exports exactly startMockServer and connectMockServer from voiceable-mock/node', () => {
  expect(Object.keys(node).sort()).toEqual(['connectMockServer', 'startMockServer'])
})
