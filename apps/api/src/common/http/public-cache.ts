import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/**
 * The one exception to the API's no-store (security-headers.ts): 信息公示 answers (public, no login,
 * no personal data beyond what publicity requires) may be kept a minute by browsers and proxies,
 * which keeps the bureau's website and WeChat shares cheap to serve; Express's ETag answers a
 * revalidation with 304.
 */
export const PUBLIC_API_CACHE_CONTROL = 'public, max-age=60';

/** Sets the header once the handler has answered: a refused query (400, 429) stays no-store. */
@Injectable()
class PublicCacheInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(tap(() => context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', PUBLIC_API_CACHE_CONTROL)));
  }
}

/** A public GET whose successful answers browsers and proxies may cache for a minute. */
export const PublicCache = () => applyDecorators(UseInterceptors(PublicCacheInterceptor));
