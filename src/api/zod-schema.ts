// Route schemas are zod: Fastify validates with them (so handlers receive parsed, typed data) and
// @fastify/swagger publishes them as JSON Schema in the OpenAPI document.
import type { FastifyInstance, FastifySchema } from 'fastify'
import { z, ZodType } from 'zod'

export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zodSchema = schema as unknown as ZodType
    return (data: unknown) => {
      const result = zodSchema.safeParse(data)
      if (result.success) return { value: result.data }
      const error = new Error('invalid input', { cause: result.error })
      return { error }
    }
  })
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
}

function toJsonSchema(value: unknown): unknown {
  if (value instanceof ZodType) {
    return z.toJSONSchema(value, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' })
  }
  return value
}

/** @fastify/swagger transform: zod → JSON Schema for every part of a route schema. */
export function openApiTransform({ schema, url }: { schema: FastifySchema; url: string }): {
  schema: FastifySchema
  url: string
} {
  if (!schema) return { schema, url }
  const out: Record<string, unknown> = { ...schema }
  for (const key of ['body', 'querystring', 'params', 'headers'] as const) {
    if (schema[key]) out[key] = toJsonSchema(schema[key])
  }
  if (schema.response && typeof schema.response === 'object') {
    out.response = Object.fromEntries(
      Object.entries(schema.response as Record<string, unknown>).map(([code, value]) => [
        code,
        toJsonSchema(value),
      ]),
    )
  }
  return { schema: out, url }
}
