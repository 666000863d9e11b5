// Reading an operation's JSON out of the generated API types (openapi.d.ts, `npm run api:types`): the web app's
// `*-types.ts` files name these instead of restating what the server answers.

/** The JSON an operation answers with 200, e.g. `JsonAnswer<paths['/api/users']['post']>`. */
export type JsonAnswer<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

/** The JSON body an operation takes, e.g. `JsonBody<paths['/api/setup']['post']>`. */
export type JsonBody<Operation> = Operation extends {
  requestBody?: { content: { 'application/json': infer Body } }
}
  ? Body
  : never
