import { DynamicModule, Injectable, Module, RequestMethod } from '@nestjs/common';
import type { Request } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, LoggerModule, Params, PinoLogger } from 'nestjs-pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import { AppConfig, LoggingConfig } from '../../config/app-config';

const CATCH_ALL = '{*path}';

/** Nest's start-up chatter (a line per module and per route): logged at debug, so LOG_LEVEL=debug still shows it. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Nest's logger on pino, with the start-up chatter moved to debug. */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) return super.debug(message, ...optionalParams);
    super.log(message, ...optionalParams);
  }
}

/** Who and which route, on the lines a request logs once the access guard knows the actor. */
function requestContext(req: Request): { actorId?: number; route?: string } {
  const path = (req.route as { path?: string } | undefined)?.path;
  // an unmatched URL only "matches" the logging middleware's own catch-all
  const route = path && !path.endsWith(CATCH_ALL) ? path : undefined;
  return { actorId: req.actor?.accountId, route: route ? `${req.method} ${route}` : undefined };
}

/**
 * Adds who and which route to the lines a request logs from then on; the access guard calls it
 * once the actor is known (a global interceptor cost every request an extra Observable chain).
 */
@Injectable()
export class RequestLogContext {
  constructor(private readonly logger: PinoLogger) {}

  add(request: Request & { log?: unknown }): void {
    // req.log: pino-http ran for this request, so there is a request scope to add to
    if (request.log) this.logger.assign(requestContext(request));
  }
}

/**
 * pino-http: one line per finished request (level by status, no stack for 4xx) and the request's
 * context (requestId, then actorId and route) on every line logged while it runs. JSON in
 * production, pino-pretty in development.
 */
export function loggerParams(logging: LoggingConfig): Params {
  const options: Options = {
    level: logging.level,
    genReqId: (req: IncomingMessage) => (req as Request).requestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customProps: (req: IncomingMessage) => requestContext(req as Request),
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // the method and path are enough: headers carry tokens, bodies personal data
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  const stream =
    logging.format === 'pretty' ? pretty({
          sync: true,
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,context',
          messageFormat: '{if context}[{context}] {end}{msg}',
        }) : undefined;
  return {
    pinoHttp: stream ? [options, stream] : options,
    forRoutes: [{ path: CATCH_ALL, method: RequestMethod.ALL }],
  };
}

/** Structured logs of the api and the worker; `createApiApp` makes AppLogger Nest's logger. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      imports: [LoggerModule.forRoot(loggerParams(config.logging))],
      providers: [AppLogger, RequestLogContext],
      exports: [AppLogger, RequestLogContext],
    };
  }
}
