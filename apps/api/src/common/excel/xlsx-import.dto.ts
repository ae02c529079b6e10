import { ApiBodyOptions, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { XlsxImportMode, XlsxImportReport, XlsxImportRowError } from '@szpm/contract';
import { IsEnum, IsOptional } from 'class-validator';
import { OptionalBooleanQuery } from '../validation/query-decorators';

/** The query of every xlsx import endpoint. */
export class XlsxImportQueryDto {
  @OptionalBooleanQuery('true: 只校验，不写入任何数据（返回与正式导入相同的报告）；默认 false')
  dryRun?: boolean;

  @ApiPropertyOptional({
    enum: XlsxImportMode,
    default: XlsxImportMode.ALL_OR_NOTHING,
    description: 'all-or-nothing: 有任何错误行则整个文件不导入（400，附报告）；valid-rows: 导入正确的行，报告错误的行',
  })
  @IsOptional()
  @IsEnum(XlsxImportMode)
  mode?: XlsxImportMode;
}

/** The multipart body of an import, for the OpenAPI document. */
export const XLSX_UPLOAD_BODY: ApiBodyOptions = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '按导入模板填写的Excel（.xlsx）文件' } } },
};

export class XlsxImportRowErrorDto implements XlsxImportRowError {
  @ApiProperty({ description: '表格中的行号（表头为第1行）', example: 3 })
  row: number;

  @ApiProperty({ description: '列名（与模板表头相同）', example: '扣分' })
  column: string;

  @ApiProperty({ example: '扣分太大' })
  message: string;
}

export class XlsxImportReportDto implements XlsxImportReport {
  @ApiProperty({ description: 'true: 只校验，未写入' })
  dryRun: boolean;

  @ApiProperty({ description: '数据行数（空行不计）' })
  total: number;

  @ApiProperty({ description: '没有错误的行数' })
  valid: number;

  @ApiProperty({ description: '写入的行数' })
  imported: number;

  @ApiProperty({ type: [XlsxImportRowErrorDto] })
  errors: XlsxImportRowErrorDto[];
}
