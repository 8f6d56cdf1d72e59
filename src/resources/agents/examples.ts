/** The documented examples `resource.json` names (`fixtures/`, verbatim), by file name. */
import deleteAgentResponse from '../../../fixtures/delete-agent.response.json' with { type: 'json' }
import listAgentsItem from '../../../fixtures/list-agents.item.json' with { type: 'json' }
import updateAgentRequest from '../../../fixtures/update-agent.request.json' with { type: 'json' }

export const fixtures = {
  'delete-agent.response.json': deleteAgentResponse,
  // The one agent the List Agents example shows (the page is cut off after `data`).
  'list-agents.item.json': listAgentsItem,
  'update-agent.request.json': updateAgentRequest,
}
