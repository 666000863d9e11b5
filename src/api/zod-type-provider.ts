// Route schemas are zod, through fastify-type-provider-zod: a route's input is typed from its schema (no casts),
// its answer is encoded through its response schema (a field the schema does not name never leaves the server),
// and @fastify/swagger publishes both as the OpenAPI document. Before a schema runs, every string and key of the
// request part is checked for text that cannot be stored (unsafe-text.ts), so that check covers every route.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  FastifySchemaCompiler,
  FastifySchemaValidationError,
  FastifyServerOptions,
  RawServerDefault,
} from 'fastify'
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler as zodValidatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { ZodType } from 'zod'
import { MAX_ERROR_DETAILS } from './error-handler.ts'
import { apiErrorBody } from './routes/shared-schemas.ts'
import { findUnsafeText } from './unsafe-text.ts'

/** The Fastify instance routes are registered on: request and reply types come from the zod schemas. */
export type ApiInstance = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>

function unsafeTextError(path: (string | number)[]): FastifySchemaValidationError {
  return {
    keyword: 'custom',
    instancePath: `/${path.join('/')}`,
    schemaPath: '#',
    params: {},
    message: 'validation.text_control_chars',
  }
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route)
  return (data: unknown) => {
    const unsafe = findUnsafeText(data, MAX_ERROR_DETAILS)
    if (unsafe.length > 0) return { error: unsafe.map(unsafeTextError) }
    return validate(data)
  }
}

/**
 * Fastify's default joins every validation message into one string: for a body with 400,000 bad keys that
 * string alone is tens of megabytes. The error handler builds the answer from `error.validation` (capped), so
 * the message only names the part.
 */
export const schemaErrorFormatter: NonNullable<FastifyServerOptions['schemaErrorFormatter']> = (
  _errors,
  dataVar,
) => new Error(`invalid ${dataVar}`)

export function useZodTypeProvider(app: FastifyInstance): ApiInstance {
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  return app.withTypeProvider<ZodTypeProvider>()
}

const zodToOpenApi = createJsonSchemaTransform({})

/**
 * zod → JSON Schema for the OpenAPI document. Adds the error answer every route may give (4XX/5XX, the shared
 * error body) and marks routes that need no session (`config.public`) with `security: []`.
 */
export const openApiTransform: SwaggerTransform = (document) => {
  const schema = document.schema as (FastifySchema & { hide?: boolean }) | undefined
  if (!schema || schema.hide) return zodToOpenApi(document)
  const withErrors = {
    ...schema,
    response: {
      ...(schema.response as Record<string, unknown> | undefined),
      '4XX': apiErrorBody,
      '5XX': apiErrorBody,
    },
    ...(document.route.config?.public === true ? { security: [] } : {}),
  }
  return zodToOpenApi({ ...document, schema: withErrors })
}

/**
 * The named schemas (`.meta({ id })`) as components of the document. The provider publishes each one twice, as
 * read (`Unit`) and as written (`UnitInput`); ours are answers only, so a written form no route refers to is left
 * out of the document.
 */
export const openApiTransformObject: SwaggerTransformObject = (document) => {
  const result = jsonSchemaTransformObject(document) as { components?: Record<string, unknown> }
  const schemas = result.components?.schemas as Record<string, unknown> | undefined
  if (!schemas) return result
  const { components: _components, ...rest } = result
  const referenced = JSON.stringify(rest)
  const kept = Object.fromEntries(
    Object.entries(schemas).filter(
      ([name]) => !name.endsWith('Input') || referenced.includes(`"#/components/schemas/${name}"`),
    ),
  )
  return {
    ...result,
    components: { ...result.components, schemas: kept },
  } as ReturnType<SwaggerTransformObject>
}
