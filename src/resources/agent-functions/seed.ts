/**
 * The workflows of each scenario: the documented agent `"123"` books appointments (the
 * catalogue's first function), and each generated agent has 0–2 functions, drawn from a stream
 * of their own. A workflow is named after its function and triggered by its name.
 */
import type { Seeder } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { DOCUMENTED_AGENT } from '../agents/documented.js'
import { FUNCTIONS } from './catalogue.js'
import { AGENT_FUNCTIONS } from './collection.js'
import { AGENT_FUNCTIONS_STREAM, GENERATED_FUNCTIONS_PER_AGENT } from './defaults.js'

export function seedAgentFunctions(seeder: Seeder): void {
  const rng = seeder.faker(AGENT_FUNCTIONS_STREAM)
  for (const agent of seeder.records(AGENTS)) {
    const chosen =
      agent.id === DOCUMENTED_AGENT.id
        ? FUNCTIONS.slice(0, 1)
        : rng.helpers.arrayElements(FUNCTIONS, rng.number.int(GENERATED_FUNCTIONS_PER_AGENT))
    for (const fn of chosen)
      seeder.add(AGENT_FUNCTIONS, {
        id: seeder.takeId(AGENT_FUNCTIONS),
        function_id: fn.id,
        enabled: true,
        custom_tool_chain: [],
        effective_tool_chain: structuredClone(fn.tool_chain),
        workflow_name: fn.name,
        workflow_description: fn.description,
        trigger_phrases: [fn.name.toLowerCase()],
        is_custom_workflow: false,
        has_customization: false,
        agent_id: Number(agent.id),
        user_id: agent.user_id,
      })
  }
}
