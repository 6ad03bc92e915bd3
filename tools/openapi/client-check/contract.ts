// Holds one HTTP response against docs/openapi.json: the status must be one the operation lists, the media type one
// that status declares, and a JSON body must validate against that media type's schema ($refs resolved in the
// document itself, OpenAPI 3.0's `nullable` honoured).
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formatsPlugin from "ajv-formats";

/** A response that met the contract. */
export interface CheckedResponse {
  operationId: string;
  method: string;
  path: string;
  status: number;
  mediaType: string | null;
  /** The schema the body was validated against (`CallLogDto`, or a pointer into the document), null for no body. */
  schema: string | null;
}

/** A response the document does not allow. The message names the operation and says what is wrong. */
export class ContractViolation extends Error {
  override name = "ContractViolation";
}

interface MediaTypeObject {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}
interface OperationObject {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
}

// OpenAPI's own keywords next to the schemas, so that Ajv's strict mode can stay on for everything else.
const openApiKeywords = ["openapi", "info", "servers", "paths", "components", "tags", "security", "example", "externalDocs", "xml"];

const integerIn = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;
const openApiFormats = {
  int32: { type: "number", validate: integerIn(-(2 ** 31), 2 ** 31 - 1) },
  int64: { type: "number", validate: integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) },
  float: { type: "number", validate: (n: number) => Number.isFinite(n) },
  double: { type: "number", validate: (n: number) => Number.isFinite(n) },
  binary: { type: "string", validate: () => true },
} as const;

const documentId = "openapi.json";
const httpMethods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export class ResponseContract {
  private readonly document: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documentPath: string) {
    this.document = JSON.parse(readFileSync(documentPath, "utf8")) as OpenApiDocument;
    if (!this.document.openapi?.startsWith("3.0.")) {
      throw new Error(`${documentPath}: expected an OpenAPI 3.0.x document, found openapi=${this.document.openapi}`);
    }
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    // ajv-formats is CommonJS: under NodeNext its default import is module.exports, whose `default` is the plugin.
    formatsPlugin.default(this.ajv);
    for (const [name, format] of Object.entries(openApiFormats)) this.ajv.addFormat(name, format);
    this.ajv.addVocabulary(openApiKeywords);
    this.ajv.addSchema(this.document as object, documentId);
  }

  /** Every operation in the document, as `operationId` → `METHOD path`. */
  operations(): Map<string, string> {
    const all = new Map<string, string>();
    for (const [path, item] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (httpMethods.has(method)) all.set(operation.operationId ?? `${method} ${path}`, `${method.toUpperCase()} ${path}`);
      }
    }
    return all;
  }

  /**
   * Checks one response of `method path` (the document's path template, e.g. `/api/calls/{id}`).
   * Throws ContractViolation when the status, the media type or the body is not what the document says.
   */
  check(method: string, path: string, status: number, contentType: string | null, body: string): CheckedResponse {
    const methodKey = method.toLowerCase();
    const operation = this.document.paths[path]?.[methodKey];
    const where = `${method.toUpperCase()} ${path}`;
    if (!operation) throw new ContractViolation(`${where}: no such operation in the document`);
    const name = `${operation.operationId ?? "(no operationId)"} (${where})`;

    const statusKey = [String(status), `${String(status)[0]}XX`, "default"].find((key) => key in operation.responses);
    const response = statusKey === undefined ? undefined : operation.responses[statusKey];
    if (statusKey === undefined || response === undefined) {
      throw new ContractViolation(
        `${name} answered ${status}, which the document does not list (it lists ${Object.keys(operation.responses).join(", ")})` +
          excerpt(body),
      );
    }

    const declared = Object.keys(response.content ?? {});
    if (declared.length === 0) {
      if (body.length > 0) throw new ContractViolation(`${name} ${status}: the document declares no body, got one` + excerpt(body));
      return { operationId: operation.operationId ?? where, method: method.toUpperCase(), path, status, mediaType: null, schema: null };
    }

    const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!declared.includes(mediaType)) {
      throw new ContractViolation(
        `${name} ${status}: Content-Type "${contentType ?? "(none)"}", the document declares ${declared.join(", ")}` + excerpt(body),
      );
    }
    const pointer = `#/paths/${escapePointer(path)}/${methodKey}/responses/${statusKey}/content/${escapePointer(mediaType)}/schema`;
    const schema = response.content?.[mediaType]?.schema;
    if (!isJson(mediaType) || schema === undefined) {
      return { operationId: operation.operationId ?? where, method: method.toUpperCase(), path, status, mediaType, schema: null };
    }

    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      throw new ContractViolation(`${name} ${status} ${mediaType}: the body is not JSON (${String(error)})` + excerpt(body));
    }
    const validate = this.validator(pointer);
    if (!validate(value)) {
      throw new ContractViolation(
        `${name} ${status} ${mediaType}: the body does not match ${schemaName(schema, pointer)}:\n` +
          formatErrors(validate.errors ?? []) +
          excerpt(body),
      );
    }
    return { operationId: operation.operationId ?? where, method: method.toUpperCase(), path, status, mediaType, schema: schemaName(schema, pointer) };
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${documentId}${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

const isJson = (mediaType: string) => mediaType === "application/json" || mediaType.endsWith("+json");

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

function schemaName(schema: unknown, pointer: string): string {
  const ref = (schema as { $ref?: unknown }).$ref;
  return typeof ref === "string" ? ref.replace("#/components/schemas/", "") : pointer;
}

function formatErrors(errors: ErrorObject[]): string {
  return errors
    .map((e) => `  - body${e.instancePath || ""}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)} (schema ${e.schemaPath})`)
    .join("\n");
}

function excerpt(body: string): string {
  if (body.length === 0) return "";
  // A failure message goes to CI's log: never a bearer token.
  const shown = body.replace(/("accessToken"\s*:\s*")[^"]*"/g, '$1***"');
  return `\n  body: ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`;
}
