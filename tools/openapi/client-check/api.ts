// The generated client: openapi-fetch over the `paths` that openapi-typescript wrote from docs/openapi.json, so every
// path, parameter, request body and response used by the flow is type-checked against the contract. A middleware
// holds every response against the same document at run time before the flow sees it.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/api.js";
import type { CheckedResponse, ResponseContract } from "./contract.js";

export type Api = Client<paths>;

/** A client for `baseUrl`, signed in with `token` when given; each response it receives is checked and recorded. */
export function createApi(baseUrl: string, contract: ResponseContract, checked: CheckedResponse[], token?: string): Api {
  const api = createClient<paths>({ baseUrl, headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  api.use(checkedAgainst(contract, checked));
  return api;
}

function checkedAgainst(contract: ResponseContract, checked: CheckedResponse[]): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const body = await response.clone().text();
      checked.push(contract.check(request.method, schemaPath, response.status, response.headers.get("content-type"), body));
      return undefined;
    },
  };
}

/** The body of a response that must have `status`; anything else fails with what came back. */
export function expect<T>(result: { data?: T; error?: unknown; response: Response }, status: number, what: string): T {
  if (result.response.status !== status || result.data === undefined) {
    throw new Error(`${what}: expected ${status}, got ${result.response.status} ${JSON.stringify(result.error ?? result.data)}`);
  }
  return result.data;
}

/** The problem details of a response that must fail with `status`. */
export function expectProblem<E>(result: { data?: unknown; error?: E; response: Response }, status: number, what: string): E {
  if (result.response.status !== status || result.error === undefined) {
    throw new Error(`${what}: expected ${status}, got ${result.response.status} ${JSON.stringify(result.data ?? result.error)}`);
  }
  return result.error;
}
