import { CERTIFICATE_TYPE_LABELS, CertificateType, PRACTITIONER_GENDER_LABELS, PRACTITIONER_POSITION_LABELS, PractitionerGender, PractitionerItem, PractitionerPosition, XlsxImportRowError } from '@szpm/contract';
import { ParsedSheet, rejectRows } from '../../common/excel/xlsx-import';
import { choiceColumn, dateColumn, SheetSpec, textColumn, yesNoColumn } from '../../common/excel/xlsx-sheet';
import { PractitionerRowDto } from './dto/practitioner.dto';
import { normaliseIdNumber } from './practitioner-rules';

const labels = <V extends string>(map: Record<V, string>) => (Object.keys(map) as V[]).map((v) => [v, map[v]] as const);

/** The certificate a row of the export carries: the one valid longest (the sheet has one certificate per row). */
const certificateOf = (p: PractitionerItem) => [...p.certificates].sort((a, b) => b.expiresAt.localeCompare(a.expiresAt))[0];

/**
 * 项目从业人员 of one project as one sheet: the template, the import and the export. A row updates the
 * on-duty person with its 身份证号码, else adds one; its certificate (all four certificate cells, or
 * none) is added, or updated when the person has one of that type and number. Nothing is deleted:
 * 离职 is marked in the mini-program.
 */
export const PRACTITIONER_SHEET: SheetSpec<PractitionerItem, PractitionerRowDto> = {
  sheetName: '项目从业人员',
  title: '项目从业人员信息',
  rowDto: PractitionerRowDto,
  columns: [
    textColumn('姓名', 'name', { width: 12, hint: '必填，最多32字' }),
    choiceColumn('性别', 'gender', labels<PractitionerGender>(PRACTITIONER_GENDER_LABELS), { width: 8 }),
    textColumn('身份证号码', 'idNumber', { width: 22, hint: '必填：18位身份证号码。与本项目在岗人员相同则修改该人员，否则新增' }),
    textColumn('联系电话', 'phone', { width: 14, hint: '必填：11位手机号码' }),
    choiceColumn('岗位', 'position', labels<PractitionerPosition>(PRACTITIONER_POSITION_LABELS), { width: 14 }),
    dateColumn('入职日期', 'hiredAt', { hint: '必填，如 2023-06-01' }),
    yesNoColumn('党员', 'isPartyMember', { hint: '不填为“否”' }),
    textColumn('学历', 'education', { width: 10 }),
    choiceColumn('证书类型', 'certificateType', labels<CertificateType>(CERTIFICATE_TYPE_LABELS), { width: 18, format: (p) => certificateOf(p)?.type && CERTIFICATE_TYPE_LABELS[certificateOf(p).type], hint: '有证书时填写证书类型、编号、发证日期、有效期至四项' }),
    textColumn('证书编号', 'certNo', { width: 22, format: (p) => certificateOf(p)?.certNo ?? null }),
    dateColumn('发证日期', 'issuedAt', { format: (p) => certificateOf(p)?.issuedAt ?? null }),
    dateColumn('有效期至', 'expiresAt', { format: (p) => certificateOf(p)?.expiresAt ?? null, hint: '不能早于发证日期' }),
  ],
};

export const PRACTITIONER_COLUMN: Record<string, string> = Object.fromEntries(PRACTITIONER_SHEET.columns.map((c) => [c.key, c.header]));
/** service fields → the column a refusal names */
export const PRACTITIONER_FIELD_COLUMNS: Record<string, string> = { ...PRACTITIONER_COLUMN, type: PRACTITIONER_COLUMN.certificateType };

const CERTIFICATE_KEYS = ['certificateType', 'certNo', 'issuedAt', 'expiresAt'] as const;

/**
 * Checks before anything is written: a 身份证号码 appears once in the file (the later row is refused,
 * naming the earlier), and a certificate is given whole or not at all (naming the first empty cell).
 */
export function checkAcrossRows(sheet: ParsedSheet<PractitionerRowDto>): void {
  const byId = new Map<string, number>();
  const errors: XlsxImportRowError[] = [];
  for (const { row, value } of sheet.rows) {
    const id = normaliseIdNumber(value.idNumber);
    const earlier = byId.get(id);
    if (earlier !== undefined) {
      errors.push({ row, column: PRACTITIONER_COLUMN.idNumber, message: `与第${earlier}行的身份证号码重复：一人只能填写一行` });
      continue;
    }
    byId.set(id, row);
    const given = CERTIFICATE_KEYS.filter((k) => value[k] !== undefined);
    if (given.length && given.length < CERTIFICATE_KEYS.length) {
      const missing = CERTIFICATE_KEYS.find((k) => value[k] === undefined)!;
      errors.push({ row, column: PRACTITIONER_COLUMN[missing], message: '填写证书时须同时填写证书类型、证书编号、发证日期和有效期至' });
    }
  }
  rejectRows(sheet, errors);
}
