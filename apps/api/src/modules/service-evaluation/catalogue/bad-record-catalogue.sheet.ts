import { BadRecordCircumstanceView, BadRecordItemView, EVALUATION_SUBJECT_TYPE_LABELS, EvaluationSubjectType, XlsxImportRowError } from '@szpm/contract';
import { ParsedSheet, rejectRows } from '../../../common/excel/xlsx-import';
import { choiceColumn, numberColumn, SheetSpec, textColumn, yesNoColumn } from '../../../common/excel/xlsx-sheet';
import { BadRecordCatalogueRowDto, CreateBadRecordCircumstanceDto, CreateBadRecordItemDto } from '../dto/catalogue.dto';

/** An exported row: an item and one of its circumstances (none for an item that has none). */
export interface BadRecordCatalogueRow {
  item: BadRecordItemView;
  circumstance?: BadRecordCircumstanceView;
}

const SUBJECT_TYPES = Object.values(EvaluationSubjectType).map((type) => [type, EVALUATION_SUBJECT_TYPE_LABELS[type]] as const);

/**
 * 不良信息事项及情形 as one sheet: a row per circumstance, its item's cells repeated. Items are
 * matched by 事项编码 and circumstances by 情形编码 within their item: a known code updates the
 * entry, a new one adds it; nothing is deleted (停用 with 启用 = 否), as the catalogue never deletes.
 * An empty optional cell means what the API's create means when the field is left out.
 */
export const BAD_RECORD_CATALOGUE_SHEET: SheetSpec<BadRecordCatalogueRow, BadRecordCatalogueRowDto> = {
  sheetName: '不良信息事项及情形',
  title: '不良信息事项及情形',
  rowDto: BadRecordCatalogueRowDto,
  columns: [
    textColumn('事项编码', 'item.code', { width: 22, hint: '必填：大写字母、数字、下划线（2–32位）。与已有事项相同则修改该事项，否则新增' }),
    textColumn('事项名称', 'item.name', { width: 36, hint: '必填，最多128字；同一事项的各行须一致' }),
    choiceColumn('适用对象', 'item.subjectType', SUBJECT_TYPES, { blank: null, hint: '不填：适用于物业服务企业和项目负责人' }),
    yesNoColumn('同一事项只计一次', 'item.countOncePerYear', { width: 16, hint: '有多个处罚事项，同一事项只计一次，取最高等级计分；不填为“否”' }),
    yesNoColumn('事项启用', 'item.enabled', { hint: '不填为“是”；停用的事项不能用于新的不良信息' }),
    numberColumn('事项排序', 'item.sortOrder', { hint: '0–9999，不填为0' }),
    textColumn('情形编码', 'circumstance.code', { width: 22, hint: '大写字母、数字、下划线（2–32位），同一事项内不重复。一行一个情形；事项没有情形时情形各列留空' }),
    textColumn('情形描述', 'circumstance.description', { width: 40, hint: '有情形编码时必填，最多255字' }),
    numberColumn('等级', 'circumstance.level', { width: 8, hint: '1–9，1为最严重' }),
    numberColumn('扣分', 'circumstance.points', { width: 8, hint: '0–100' }),
    numberColumn('公示期（月）', 'circumstance.publicityMonths', { hint: '0–120' }),
    yesNoColumn('情形启用', 'circumstance.enabled', { hint: '不填为“是”' }),
    numberColumn('情形排序', 'circumstance.sortOrder', { hint: '0–9999，不填为0' }),
  ],
};

/** An item as a row sets it: the create defaults for empty optional cells. */
export function itemState(item: CreateBadRecordItemDto): Required<CreateBadRecordItemDto> {
  return {
    code: item.code,
    name: item.name,
    subjectType: item.subjectType ?? null,
    countOncePerYear: item.countOncePerYear ?? false,
    enabled: item.enabled ?? true,
    sortOrder: item.sortOrder ?? 0,
  };
}

export function circumstanceState(circumstance: CreateBadRecordCircumstanceDto): Required<CreateBadRecordCircumstanceDto> {
  return { ...circumstance, enabled: circumstance.enabled ?? true, sortOrder: circumstance.sortOrder ?? 0 };
}

const headerOf = (key: string) => BAD_RECORD_CATALOGUE_SHEET.columns.find((c) => c.key === key)!.header;

/**
 * Checks across rows before anything is written: the rows of one item state the same item, and a
 * circumstance appears once. The later row is the one refused, naming the earlier.
 */
export function checkAcrossRows(sheet: ParsedSheet<BadRecordCatalogueRowDto>): void {
  const firstOfItem = new Map<string, { row: number; state: Required<CreateBadRecordItemDto> }>();
  const circumstanceRow = new Map<string, number>();
  const errors: XlsxImportRowError[] = [];
  for (const { row, value } of sheet.rows) {
    const state = itemState(value.item);
    const first = firstOfItem.get(state.code);
    if (!first) firstOfItem.set(state.code, { row, state });
    else {
      const differing = (Object.keys(state) as Array<keyof typeof state>).find((field) => state[field] !== first.state[field]);
      if (differing) {
        errors.push({ row, column: headerOf(`item.${differing}`), message: `与第${first.row}行的同一事项（${state.code}）不一致` });
        continue;
      }
    }
    if (value.circumstance) {
      const key = `${state.code}\u0000${value.circumstance.code}`;
      const earlier = circumstanceRow.get(key);
      if (earlier !== undefined) errors.push({ row, column: headerOf('circumstance.code'), message: `与第${earlier}行重复：同一事项的情形编码不能重复` });
      else circumstanceRow.set(key, row);
    }
  }
  rejectRows(sheet, errors);
}

/** The export's rows: every item (disabled ones too) and each of its circumstances, in catalogue order. */
export function* catalogueRows(items: BadRecordItemView[]): Iterable<BadRecordCatalogueRow> {
  for (const item of items) {
    if (!item.circumstances.length) yield { item };
    for (const circumstance of item.circumstances) yield { item, circumstance };
  }
}

/** the column of a service rule's field: the item's fields, then the circumstance's */
export const ITEM_COLUMNS: Record<string, string> = Object.fromEntries(
  BAD_RECORD_CATALOGUE_SHEET.columns.filter((c) => c.key.startsWith('item.')).map((c) => [c.key.slice('item.'.length), c.header]),
);
export const CIRCUMSTANCE_COLUMNS: Record<string, string> = Object.fromEntries(
  BAD_RECORD_CATALOGUE_SHEET.columns.filter((c) => c.key.startsWith('circumstance.')).map((c) => [c.key.slice('circumstance.'.length), c.header]),
);
