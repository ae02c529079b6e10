import { CallHandler, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { XlsxImportErrorCode } from '@szpm/contract';
import { Observable } from 'rxjs';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { AppException } from '../errors/app.exception';
import { XlsxImportException } from './xlsx-import.exception';

export function describeBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))}MB` : `${Math.floor(bytes / 1024)}KB`;
}

/**
 * Receives an xlsx import: one file in multipart field `file`, held in memory up to the configured
 * cap (XLSX_IMPORT_MAX_BYTES); multer's refusals become the API's codes (413 too large, 400 otherwise).
 * dryRun and mode travel in the query string, so a form field is refused rather than ignored.
 */
@Injectable()
export class XlsxUploadInterceptor implements NestInterceptor {
  private readonly upload: NestInterceptor;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const Upload = FileInterceptor('file', { limits: { fileSize: config.xlsxImport.maxBytes, files: 1, fields: 0, parts: 1 }, defParamCharset: 'utf8' });
    this.upload = new Upload();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.upload.intercept(context, next);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
        throw new XlsxImportException(XlsxImportErrorCode.FILE_TOO_LARGE, {
          message: `导入文件不能超过${describeBytes(this.config.xlsxImport.maxBytes)}，请分批导入`,
          details: { maxBytes: this.config.xlsxImport.maxBytes },
        });
      }
      if (error instanceof HttpException && error.getStatus() === HttpStatus.BAD_REQUEST) {
        throw AppException.invalidField('file', '请以multipart/form-data的file字段上传一个Excel（.xlsx）文件（每次一个；dryRun、mode放在查询参数中）');
      }
      throw error;
    }
  }
}
