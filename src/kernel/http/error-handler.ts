import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError, type ErrorIssue, errorSpec, type Lang, renderMessage } from "./errors";
import { pickLang } from "./request";

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    params: Record<string, unknown>;
    issues: ErrorIssue[];
    requestId: string;
  };
}

export function envelope(
  code: string,
  lang: Lang,
  requestId: string,
  params: Record<string, unknown> = {},
  issues: ErrorIssue[] = [],
): { status: number; body: ErrorEnvelope } {
  const spec = errorSpec(code) ?? errorSpec("INTERNAL")!;
  return {
    status: spec.status,
    body: { error: { code, message: renderMessage(spec[lang], params), params, issues, requestId } },
  };
}

/** Map framework and library errors to our codes; anything unknown is INTERNAL and logged. */
function classify(err: FastifyError | Error): {
  code: string;
  params?: Record<string, unknown>;
  issues?: ErrorIssue[];
} {
  if (err instanceof DomainError) return { code: err.code, params: err.params, issues: err.issues };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? "body";
    return {
      code: "VALIDATION_FAILED",
      issues: err.validation.map((v) => ({
        path: [
          where,
          ...String(v.instancePath || "")
            .split("/")
            .filter(Boolean),
        ].join("."),
        message: v.message ?? "invalid",
      })),
    };
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { code: "MALFORMED_JSON" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return { code: "UNSUPPORTED_MEDIA_TYPE", params: { contentType: "?" } };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return { code: "BODY_TOO_LARGE" };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { code: "VALIDATION_FAILED" };
  }
  if (err instanceof SyntaxError && fe.statusCode === 400) return { code: "MALFORMED_JSON" };
  // A multipart body the parser cannot read (no boundary, cut short): the client's fault, not ours.
  if (
    !fe.statusCode &&
    /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Unsupported Content-Type)/.test(
      err.message,
    )
  )
    return { code: "VALIDATION_FAILED", issues: [{ path: "body", message: err.message }] };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return { code: "NOT_FOUND" };
    if (fe.statusCode === 413) return { code: "BODY_TOO_LARGE" };
    if (fe.statusCode === 415) return { code: "UNSUPPORTED_MEDIA_TYPE", params: { contentType: "?" } };
    return { code: "VALIDATION_FAILED", issues: [{ path: "", message: fe.message }] };
  }
  return { code: "INTERNAL" };
}

/**
 * Errors the router raises before any route or hook runs (a path that is not valid percent-encoding,
 * a path parameter over `maxParamLength`): Fastify's `frameworkErrors` option. Without it they are
 * answered in Fastify's own shape, not the envelope. Pass as `Fastify({ frameworkErrors })`;
 * `headers` are the ones the onRequest hooks would have set (security headers).
 */
export function frameworkErrors(headers: Record<string, string> = {}) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(request.headers["accept-language"], undefined);
    const bad = err.code === "FST_ERR_BAD_URL" || err.code === "FST_ERR_MAX_PARAM_LENGTH";
    const { status, body } = bad
      ? envelope("VALIDATION_FAILED", lang, request.id, {}, [
          {
            path: "url",
            message:
              err.code === "FST_ERR_BAD_URL" ? "not a valid URL component" : "a path parameter is too long",
          },
        ])
      : envelope("INTERNAL", lang, request.id);
    if (status >= 500) request.log.error({ err }, "request failed");
    else request.log.info({ code: err.code, status }, "request refused");
    return reply.status(status).headers(headers).header("x-request-id", request.id).send(body);
  };
}

/**
 * One error handler and one not-found handler. `spaFallback`, when given, answers GET requests
 * for non-API paths without a file extension (the web app's own routes) instead of a 404.
 */
export function installErrorHandler(
  app: FastifyInstance,
  spaFallback?: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const c = classify(err);
    if (c.code === "UNSUPPORTED_MEDIA_TYPE")
      c.params = { contentType: request.headers["content-type"] ?? "-" };
    const { status, body } = envelope(c.code, request.lang ?? "id", request.id, c.params, c.issues);
    if (status >= 500) request.log.error({ err }, "request failed");
    else request.log.info({ code: c.code, status }, "request refused");
    if (c.code === "RATE_LIMITED" && c.params?.retryAfter)
      reply.header("retry-after", String(c.params.retryAfter));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (spaFallback && request.method === "GET" && !path.startsWith("/api") && !/\.[a-z0-9]+$/i.test(path)) {
      return spaFallback(request, reply);
    }
    const { status, body } = envelope("NOT_FOUND", request.lang ?? "id", request.id);
    return reply.status(status).send(body);
  });
}
