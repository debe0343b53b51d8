import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type RequestHandler } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { parse as parseCookies } from 'cookie';
import { pinoHttp } from 'pino-http';
import type { AuthService, PublicUser } from '../auth/authService.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { AppError } from './AppError.js';
import { errorHandler } from './errorHandler.js';
import { openApi } from './openApi.js';
import { allows, type ApiKeyPrincipal, type Route } from './route.js';

export const SESSION_COOKIE = 'sb_session';
/** Mutating API calls must carry this header: a cross-site form or image cannot set it (CSRF guard). */
export const CSRF_HEADER = 'x-requested-with';

export interface AppDeps {
  store: Store;
  auth: AuthService;
  logger: Logger;
  routes: readonly Route[];
  /** Where the built designer is; defaults to designer/dist in the repository. */
  designerDir?: string;
  secureCookies?: boolean;
  version?: string;
  /** Resolves `Authorization: Bearer sbk_…` to the key's owner (absent: API keys are refused). */
  apiKeys?: { verify(secret: string): Promise<ApiKeyPrincipal | null> };
}

function bearerOf(req: Request): string | null {
  const match = /^Bearer\s+(sbk_[A-Za-z0-9_-]{16,200})$/.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}

const defaultDesignerDir = fileURLToPath(new URL('../../../designer/dist', import.meta.url));

/**
 * Builds the Express app apart from `listen()`, so tests run it in-process on port 0.
 *
 * @example const app = createApp(deps); app.listen(3000);
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Channel webhooks are served in front of the app (createSwitchboard), not through it.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'https:'], 'connect-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await deps.store.ping().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'store-unreachable', store: deps.store.kind });
  });

  // Request logs for the API and the app; webhooks (hot path, logged by their handler) and probes stay quiet.
  app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' }, quietReqLogger: true }));

  const api = express.Router();
  api.use(express.json({ limit: '5mb' }));
  api.use((req, _res, next) => {
    // A bearer key is not sent by browsers on their own, so key-authenticated calls cannot be forged cross-site.
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.get(CSRF_HEADER) !== 'switchboard' && bearerOf(req) === null) {
      next(new AppError({ code: 'auth/csrf', message: `Send the header "X-Requested-With: switchboard" with every change.`, httpStatus: 403 }));
      return;
    }
    next();
  });
  const sessionOf = async (req: Request): Promise<PublicUser | null> => {
    const token = parseCookies(req.get('cookie') ?? '')[SESSION_COOKIE];
    return deps.auth.userForToken(token);
  };
  const apiKeyOf = async (req: Request): Promise<ApiKeyPrincipal | null> => {
    const secret = bearerOf(req);
    return secret && deps.apiKeys ? deps.apiKeys.verify(secret) : null;
  };
  const loginLimiter = rateLimit({ windowMs: 60_000, limit: 10, standardHeaders: 'draft-8', legacyHeaders: false, handler: (_req, _res, next) => next(new AppError({ code: 'auth/too-many-attempts', message: 'Too many sign-in attempts. Wait a minute and try again.', httpStatus: 429 })) });
  api.use('/api/auth/login', loginLimiter);
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openApi(deps.routes, deps.version ?? '0.1.0'));
  });
  for (const route of deps.routes) {
    const handler: RequestHandler = async (req, res) => {
      const user = await sessionOf(req);
      const apiKey = route.access === 'apiKey' ? await apiKeyOf(req) : null;
      if (!allows(route, user, apiKey)) {
        throw user
          ? new AppError({ code: 'auth/forbidden', message: 'Your role cannot do this.', httpStatus: 403 })
          : new AppError({ code: 'auth/required', message: 'Sign in first.', httpStatus: 401 });
      }
      const params = Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)]));
      const result = await route.handle({ user, apiKey, params, query: req.query, body: req.body, ip: req.ip ?? '' });
      if (result.sse) {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        res.flushHeaders();
        const closers: (() => void)[] = [];
        res.on('close', () => closers.splice(0).forEach((fn) => fn()));
        result.sse({
          send: (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
          comment: (text) => res.write(`: ${text}\n\n`),
          onClose: (fn) => closers.push(fn),
          close: () => res.end(),
        });
        return;
      }
      if (result.setSession) {
        res.cookie(SESSION_COOKIE, result.setSession.token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies ?? false, path: '/', expires: new Date(result.setSession.expiresAt) });
      } else if (result.setSession === null) {
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      res.status(result.status ?? 200);
      if (result.file) {
        res.attachment(result.file.filename).type(result.file.contentType).send(result.file.text);
        return;
      }
      if (result.body === undefined) res.end();
      else res.json(result.body);
    };
    api[route.method](route.path, handler);
  }
  api.use('/api', (req, _res, next) => next(new AppError({ code: 'not-found', message: `No API route ${req.method} ${req.originalUrl}`, httpStatus: 404 })));
  app.use(api);

  const designerDir = deps.designerDir ?? defaultDesignerDir;
  if (existsSync(designerDir)) {
    app.use(express.static(designerDir, { index: 'index.html', maxAge: '1h' }));
    app.use((req, res, next) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path.startsWith('/webhook/')) return next();
      res.sendFile('index.html', { root: designerDir });
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Switchboard is running. The designer is not built yet: run `npm run build`.');
    });
  }
  app.use(errorHandler(deps.logger));
  return app;
}
