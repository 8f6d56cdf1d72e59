/** The code behind the escalation endpoints, as the web app calls them (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { ownerOf, parseFields, readQuery } from '../../pipeline/fields.js'
import { permitFields, PERMIT } from '../../pipeline/strong-params.js'
import type { Resolver } from '../resource.js'
import data from './resource.json' with { type: 'json' }
import { ListEscalationsQuerySchema, UpdateEscalationFieldsSchema } from './schemas.js'
import type { EscalationsStore } from './store.js'

type Context = EndpointContext<EscalationsStore>

// @note Another user's escalation answers exactly like a missing one.
const notFound = failWith(
  'escalation_not_found',
  data.errors.escalation_not_found,
  data.errorMessages.escalationNotFound,
)

/** `params.require(:handoff_event).permit(:handoff_status, :handled_by)`. */
const PERMITTED = { handoff_status: PERMIT.string, handled_by: PERMIT.string } as const

const escalationIdOf = (context: Context): number =>
  (context.param('escalationId') as number | undefined) ?? notFound()

export const resolvers = {
  listEscalations: (context: Context) => ({
    data: {
      data: context.store.listEscalations(
        ownerOf(context),
        readQuery(context, ListEscalationsQuerySchema),
      ),
    },
  }),
  getEscalation: (context: Context) => ({
    data: {
      data: context.store.getEscalation(ownerOf(context), escalationIdOf(context)) ?? notFound(),
    },
  }),
  updateEscalation(context: Context) {
    const [owner, id] = [ownerOf(context), escalationIdOf(context)]
    // Looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
    if (context.store.getEscalation(owner, id) === undefined) notFound()
    const fields = parseFields(
      UpdateEscalationFieldsSchema,
      permitFields(PERMITTED, context.fields('handoff_event')),
    )
    return { data: { data: context.store.updateEscalation(owner, id, fields) ?? notFound() } }
  },
} satisfies Record<string, Resolver<EscalationsStore>>
