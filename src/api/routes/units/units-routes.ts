// The unit tree (unit kerja): list as a tree, read, create under a parent, rename/edit, move, archive, unarchive.
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
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  archiveBody,
  createBody,
  listQuery,
  moveBody,
  unitList,
  unitView,
  updateBody,
} from './units-schemas.ts'

export function registerUnitsRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary:
          'The units you may see, depth-first with siblings by name (depth and parentId give the tree)',
        querystring: listQuery,
        response: { 200: unitList },
      },
    },
    async (request) => {
      const query = request.query
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
    async (request) => getUnitView(context, requireActor(request), request.params.id),
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
    async (request) => createUnit(context, requireActor(request), request.body, requestMeta(request)),
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
      updateUnit(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
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
        request.params.id,
        request.body.parentId,
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
        request.params.id,
        { force: request.body?.force ?? false },
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
    async (request) => unarchiveUnit(context, requireActor(request), request.params.id, requestMeta(request)),
  )
}
