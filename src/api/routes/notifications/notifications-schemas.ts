// Your own in-app notifications (the bell).
import { z } from 'zod'

export const notificationView = z
  .object({
    id: z.string(),
    kind: z.string(),
    titleKey: z.string().describe('Message catalogue key of the title; render with params'),
    bodyKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    link: z.string().nullable().describe('A path in the web app'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' })

export const notificationsPage = z.object({
  unread: z.number().describe('Unread notifications in all'),
  items: z.array(notificationView),
})

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.iso.datetime({ offset: true }).optional().describe('Only notifications older than this (paging)'),
  unreadOnly: z.enum(['true', 'false']).optional(),
})

export const readBody = z.object({
  ids: z
    .array(z.uuid())
    .max(200)
    .optional()
    .describe('The notifications to mark read; omit to mark all read'),
})
export const readResult = z.object({ marked: z.number(), unread: z.number() })
