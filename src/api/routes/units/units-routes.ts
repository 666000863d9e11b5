// The unit tree (unit kerja): list as a tree, read, create under a parent, rename/edit, move, archive, unarchive.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import {
  archiveUnit,
  createUnit,
  getUnitView,
  listUnitTree,
  moveUnit,
  unarchiveUnit,
  updateUnit,
} from '../../../features/units/manage-units.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

export const unitView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  depth: z.number(),
  archivedAt: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const idParams = z.object({ id: z.uuid('Id unit tidak valid.') })
const listQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() })
const attributes = z.record(z.string(), z.string().max(100)).optional()
const createBody = z.object({
  parentId: z.uuid('Pilih unit induk.'),
  code: z.string().max(40),
  name: z.string().max(200),
  kind: z.string().trim().max(50).optional(),
  attributes,
})
const updateBody = z.object({
  code: z.string().max(40).optional(),
  name: z.string().max(200).optional(),
  kind: z.string().trim().max(50).optional(),
  attributes,
})
const moveBody = z.object({ parentId: z.uuid('Pilih unit tujuan.') })
const archiveBody = z.object({ force: z.boolean().optional() }).optional()

export function registerUnitsRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary:
          'The units you may see, depth-first with siblings by name (depth and parentId give the tree)',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(unitView) }) },
      },
    },
    async (request) => {
      const query = request.query as z.infer<typeof listQuery>
      return {
        items: await listUnitTree(context, requireActor(request), {
          includeArchived: query.includeArchived === 'true',
        }),
      }
    },
  )

  app.get(
    '/units/:id',
    { schema: { tags: ['units'], summary: 'One unit', params: idParams, response: { 200: unitView } } },
    async (request) =>
      getUnitView(context, requireActor(request), (request.params as z.infer<typeof idParams>).id),
  )

  app.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary:
          'Create a unit under a parent; codes are unique per instansi; attributes (e.g. kota) feed naming patterns',
        body: createBody,
        response: { 200: unitView },
      },
    },
    async (request) =>
      createUnit(
        context,
        requireActor(request),
        request.body as z.infer<typeof createBody>,
        requestMeta(request),
      ),
  )

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Rename or edit a unit (code, name, kind, attributes)',
        params: idParams,
        body: updateBody,
        response: { 200: unitView },
      },
    },
    async (request) =>
      updateUnit(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        request.body as z.infer<typeof updateBody>,
        requestMeta(request),
      ),
  )

  app.post(
    '/units/:id/move',
    {
      schema: {
        tags: ['units'],
        summary:
          'Move a unit and everything below it under another parent (not under itself or a descendant)',
        params: idParams,
        body: moveBody,
        response: { 200: unitView },
      },
    },
    async (request) =>
      moveUnit(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        (request.body as z.infer<typeof moveBody>).parentId,
        requestMeta(request),
      ),
  )

  app.post(
    '/units/:id/archive',
    {
      schema: {
        tags: ['units'],
        summary:
          'Archive a unit; refused while it has active child units or active accounts unless force is true (then the whole subtree is archived)',
        params: idParams,
        body: archiveBody,
        response: { 200: unitView },
      },
    },
    async (request) =>
      archiveUnit(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        { force: (request.body as z.infer<typeof archiveBody>)?.force ?? false },
        requestMeta(request),
      ),
  )

  app.post(
    '/units/:id/unarchive',
    {
      schema: {
        tags: ['units'],
        summary: 'Restore an archived unit (its parent must be active)',
        params: idParams,
        response: { 200: unitView },
      },
    },
    async (request) =>
      unarchiveUnit(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        requestMeta(request),
      ),
  )
}
