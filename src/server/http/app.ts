import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Ctx } from '../context.ts';
import { installAuth } from './auth.ts';
import { installNulGuard } from './nul-guard.ts';
import { installErrorHandlers, sendNotFound } from './errors.ts';
import { identityRoutes } from '../identity/routes.ts';
import { placesRoutes } from '../places/routes.ts';
import { registryRoutes } from '../registry/routes.ts';
import { movementRoutes } from '../movement/routes.ts';
import { distributionRoutes } from '../distribution/routes.ts';
import { assessmentRoutes } from '../assessments/routes.ts';
import { assistanceRoutes } from '../assistance/routes.ts';
import { stockRoutes } from '../stock/routes.ts';
import { installDedup } from '../dedup/install.ts';
import { systemRoutes } from './system-routes.ts';

const WEB_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export interface AppOptions { logger?: boolean | object; serveWeb?: boolean }

/** Assembles the HTTP server: security headers, auth, OpenAPI, the capability routes, the web app. */
export async function buildApp(ctx: Ctx, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: process.env.AMINA_TRUST_PROXY === 'true',
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"], workerSrc: ["'self'", 'blob:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only means something over HTTPS; behind TLS set AMINA_SECURE_COOKIES=true.
    strictTransportSecurity: ctx.config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Amina API', version: '0.1.0', description: 'Registration, tracking and assistance of displaced people. Errors are RFC 9457 problem+json, translated by Accept-Language (en, ar, ckb).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'amina_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token from POST /api/auth/tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, ctx);
  installNulGuard(app);
  await app.register(systemRoutes(ctx), { prefix: '/api' });
  await app.register(identityRoutes(ctx), { prefix: '/api' });
  await app.register(placesRoutes(ctx), { prefix: '/api' });
  await app.register(registryRoutes(ctx), { prefix: '/api' });
  await app.register(movementRoutes(ctx), { prefix: '/api' });
  await app.register(distributionRoutes(ctx), { prefix: '/api' });
  await app.register(assessmentRoutes(ctx), { prefix: '/api' });
  await app.register(assistanceRoutes(ctx), { prefix: '/api' });
  await app.register(stockRoutes(ctx), { prefix: '/api' });
  await installDedup(app, ctx);
  const web = options.serveWeb !== false && existsSync(`${WEB_DIR}index.html`);
  if (web) await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => (web && isPageAddress(request.method, request.url)
    ? reply.type('text/html').sendFile('index.html')
    : sendNotFound(request, reply)));
  return app;
}

/**
 * A page of the web app (client routes get index.html): a GET outside /api/ that is not a file.
 * Web files themselves are looked up per request, so a rebuild needs no restart.
 */
function isPageAddress(method: string, url: string): boolean {
  return method === 'GET' && !url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(url);
}
