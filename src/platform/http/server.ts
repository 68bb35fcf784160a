import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from '../log.js';
import { pageCacheKey, type PageCache } from '../page-cache.js';
import { AppError } from '../errors.js';
import { sendProblem, toAppError, wantsJson } from './problem.js';
import { registerMetrics } from './metrics.js';

/** Renders the human error page; supplied by the web layer so that platform imports no module. */
export type ErrorPageRenderer = (request: FastifyRequest, reply: FastifyReply, error: AppError) => FastifyReply | Promise<FastifyReply>;

export interface HttpServerOptions {
  logger: Logger;
  renderErrorPage: ErrorPageRenderer;
  /** Requests per minute per client address on /api/ (0 switches the limit off, e.g. for benchmarks). */
  apiRateLimit: number;
  isProduction: boolean;
  version: string;
  /** Pages answered from the first hook when a GET's key is cached (see `pageCacheKey`); none without. */
  pageCache?: PageCache;
}

export type HttpServer = FastifyInstance;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    requestIdHeader: false,
    // Keep a sane request id from a trusted front proxy, otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    // A malformed or over-long path segment is the router's to refuse: answer like any bad input.
    frameworkErrors: (error, request, reply) => {
      const badUrl = new AppError('bad_request', {
        message: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '地址中的参数过长。A part of the address is too long.' : '地址无效。The address is not valid.',
      });
      if (wantsJson(request)) return sendProblem(reply, badUrl);
      return options.renderErrorPage(request, reply, badUrl);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The first hook. A cached page goes out from here, with the headers the full stack gave it when
  // it was rendered (the security headers below included) and this request's id: the other hooks
  // and the handler have nothing to add to it. onResponse hooks (metrics, request log) still run.
  const { pageCache } = options;
  app.addHook('onRequest', (request, reply, done) => {
    const page = pageCache && request.method === 'GET' ? pageCache.get(pageCacheKey(request.raw)) : undefined;
    if (page) {
      reply.hijack();
      reply.raw.writeHead(200, [...page.headers, 'x-request-id', request.id]);
      reply.raw.end(page.body);
      return;
    }
    reply.header('x-request-id', request.id);
    done();
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.isProduction ? [] : null,
      },
    },
    hsts: options.isProduction,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  if (options.apiRateLimit > 0) {
    // Before the plugin: its own onRoute hook, which runs after this one, reads the route's config.
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/v1/')) route.config = { ...(route.config as object), rateLimit: { max: options.apiRateLimit, timeWindow: '1 minute' } } as never;
    });
    await app.register(fastifyRateLimit, {
      global: false,
      max: options.apiRateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`Rate limit exceeded, retry in ${ctx.after}.`), { statusCode: 429 }),
    });
  }
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'onestop API',
        version: options.version,
        description:
          'The public API of onestop, the one-stop government service platform. Errors are RFC 9457 problem+json documents with a stable `code`.',
      },
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerMetrics(app);

  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    if (appError.code === 'rate_limited') {
      const retry = reply.getHeader('retry-after');
      if (retry) appError.headers!['retry-after'] = String(retry);
    }
    if (wantsJson(request)) return sendProblem(reply, appError);
    return options.renderErrorPage(request, reply, appError);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const notFound = new AppError('not_found', { message: `No page or resource at ${request.url.split('?')[0]}.` });
    if (wantsJson(request)) return sendProblem(reply, notFound);
    return options.renderErrorPage(request, reply, notFound);
  });
  return app;
}
