import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { JSON_BODY_LIMIT, jsonBodyOptions } from './common/http/body-limits';
import { AppLogger } from './common/http/logging';
import { findMiniProgramH5Dir, serveMiniProgramH5 } from './common/http/mini-program-h5';
import { findPortalDir, servePortal } from './common/http/portal';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { securityHeaders, servedPageScriptHashes } from './common/http/security-headers';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';

/** Builds the HTTP app exactly as production runs it; tests use the same function. */
export async function createApiApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const quiet = options.logger === false;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(quiet ? { ...config, logging: { ...config.logging, level: 'silent' } } : config),
    { logger: quiet ? false : undefined, bufferLogs: !quiet, bodyParser: false },
  );
  if (!quiet) app.useLogger(app.get(AppLogger));
  app.use(requestIdMiddleware);
  app.use(securityHeaders(config.security, servedPageScriptHashes([findMiniProgramH5Dir(), findPortalDir()])));
  app.useBodyParser('json', jsonBodyOptions);
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  app.set('trust proxy', config.security.trustProxy);
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  serveMiniProgramH5(app);
  servePortal(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('深圳市物业管理信息平台 API（区经办人篇）')
      .setDescription('District officers supervise residential property management. Errors: { statusCode, code, message, details? }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addGlobalParameters({
        in: 'header',
        name: 'X-On-Behalf-Of',
        required: false,
        description: '代办委托: the delegator\'s account id; the call then acts with the grants that delegator lent the caller, recorded as "caller on behalf of delegator"',
        schema: { type: 'integer' },
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
