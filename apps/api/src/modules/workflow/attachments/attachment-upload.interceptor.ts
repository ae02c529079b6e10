import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { AttachmentErrorCode, ATTACHMENT_MAX_BYTES } from '@szpm/contract';
import { catchError, Observable, throwError } from 'rxjs';
import { AppException } from '../../../common/errors/app.exception';
import { WorkflowException } from '../workflow.exception';

/** Multipart options of POST /api/attachments: one file in field `file`, names read as UTF-8. */
export const UPLOAD_OPTIONS = {
  limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 2 },
  defParamCharset: 'utf8',
};

/** Turns multer's errors (too large, wrong field) into the API's error codes; bound before FileInterceptor. */
@Injectable()
export class AttachmentUploadErrorsInterceptor implements NestInterceptor {
  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof HttpException) {
          if (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
            return throwError(() => new WorkflowException(AttachmentErrorCode.TOO_LARGE, { message: `附件不能超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB` }));
          }
          if (error.getStatus() === HttpStatus.BAD_REQUEST) {
            return throwError(() => AppException.invalidField('file', '请以multipart/form-data的file字段上传一个文件（每次一个）'));
          }
        }
        return throwError(() => error);
      }),
    );
  }
}
