import { useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_LEDGER_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_STATUS_LABELS,
  DisputeCategoryView,
  DisputeDisposal,
  DisputeLedger,
  DisputeOutcome,
  DisputeStatus,
} from '@szpm/contract';
import { useEffect, useState } from 'react';
import { disputesApi } from '../../api/disputes';
import { FieldLabel } from '../../components/FieldLabel';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { SegmentTabs } from '../../components/SegmentTabs';
import { SelectField } from '../../components/SelectField';
import { useListPage } from '../../hooks/useListPage';
import { usePagedList } from '../../hooks/usePagedList';
import { activeFilterCount, canEnterDisputes, categoryOptions, emptyLedgerFilter, LedgerFilter, ledgerEmptyText, ledgerOf, ledgerQuery, ledgerStatuses, overdueBadgeText } from '../../logic/disputes';
import { ROUTES } from '../../routes';
import { useSession } from '../../session';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Popup } from '../../ui/popup';
import { go } from '../../utils/navigation';
import { DisputeCard } from './DisputeCard';
import './disputes.scss';

const TABS: Array<{ value: DisputeLedger; label: string }> = [
  { value: DisputeLedger.UNFINISHED, label: '未办结' },
  { value: DisputeLedger.FINISHED, label: '已办结' },
  { value: DisputeLedger.ALL, label: '全部' },
];

const options = <V extends string>(labels: Record<V, string>) => (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
/** '' stands for 不限 in the sheet's pickers */
const ANY = { value: '' as const, label: '不限' };

/**
 * 纠纷化解台账 (chapter 22, WeChat 总台账): 未办结 / 已办结 / 全部 with the 小区名称 search and a filter
 * sheet, the overdue count of what is listed, and paging on scroll; a case opens 查看. District
 * officers enter cases here (录入); a street office sees its own street's cases.
 */
export default function DisputeLedgerPage() {
  const { params } = useRouter();
  const { me } = useSession();
  const [ledger, setLedger] = useState<DisputeLedger>(() => ledgerOf(params.ledger));
  const [filter, setFilter] = useState<LedgerFilter>(emptyLedgerFilter);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [overdue, setOverdue] = useState<number | null>(null);
  const [categories, setCategories] = useState<DisputeCategoryView[]>([]);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    disputesApi.categories().then(setCategories).catch(() => setCategories([]));
  }, []);

  const list = usePagedList(async (page, pageSize) => {
    const result = await disputesApi.ledger(ledgerQuery(ledger, filter, page, pageSize));
    setOverdue(result.overdue);
    return result;
  }, [ledger, filterKey]);
  // coming back from a case that was handled, transferred or entered: the ledger changed
  useListPage(list, { refreshOnReturn: true });

  const filters = activeFilterCount(filter, ledger);
  const filtered = filters > 0 || filter.propertyAreaName.trim() !== '';
  const badge = overdue === null ? '' : overdueBadgeText(overdue);

  return (
    <View className="page page--list" id="disputes">
      <SegmentTabs id="disputes-tabs" tabs={TABS} value={ledger} onChange={setLedger} />
      <SearchBox id="disputes-search" placeholder="小区名称" onSearch={(propertyAreaName) => setFilter((f) => ({ ...f, propertyAreaName }))} />
      <View className="dispute-ledger-head">
        {badge ? (
          <Text className="dispute-ledger-head__overdue" id="disputes-overdue">
            {badge}
          </Text>
        ) : (
          <Text className="muted">{DISPUTE_LEDGER_LABELS[ledger]}</Text>
        )}
        <View className="dispute-ledger-head__buttons">
          <Button id="disputes-filter" size="small" fill="outline" onClick={() => setSheetOpen(true)}>
            {filters > 0 ? `筛选（${filters}）` : '筛选'}
          </Button>
          {canEnterDisputes(me) && (
            <Button id="disputes-enter" size="small" type="primary" onClick={() => go(ROUTES.disputeEntry)}>
              录入
            </Button>
          )}
        </View>
      </View>
      <PagedListView
        list={list}
        id="disputes-list"
        emptyText={ledgerEmptyText(ledger, filtered)}
        emptyHint={filtered ? '换个小区名称或调整筛选条件' : undefined}
        renderItem={(item) => <DisputeCard key={item.id} item={item} />}
      />
      <FilterSheet
        open={sheetOpen}
        ledger={ledger}
        filter={filter}
        categories={categories}
        onClose={() => setSheetOpen(false)}
        onApply={(next) => {
          setFilter(next);
          setSheetOpen(false);
        }}
      />
    </View>
  );
}

/** 处置方式, 处置情况, 化解疏导情况, 问题分类, 状态, 仅超期: set together, applied with 确定. */
function FilterSheet({ open, ledger, filter, categories, onClose, onApply }: { open: boolean; ledger: DisputeLedger; filter: LedgerFilter; categories: DisputeCategoryView[]; onClose: () => void; onApply: (filter: LedgerFilter) => void }) {
  const [draft, setDraft] = useState<LedgerFilter>(filter);
  useEffect(() => {
    if (open) setDraft(filter);
  }, [open, filter]);
  const statuses = ledgerStatuses(ledger);
  const change = (patch: Partial<LedgerFilter>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Popup visible={open} position="bottom" round title="筛选" closeable onClose={onClose}>
      <ScrollView scrollY className="sheet dispute-scroll">
        <View className="dispute-sheet" id="disputes-filter-sheet">
          <SelectField<DisputeDisposal | ''>
            id="disputes-filter-disposal"
            label="处置方式"
            placeholder="不限"
            value={draft.disposal ?? ''}
            options={[ANY, ...options(DISPUTE_DISPOSAL_LABELS)]}
            onChange={(disposal) => change({ disposal: disposal || null })}
          />
          <SelectField<DisputeOutcome | ''>
            id="disputes-filter-outcome"
            label="处置情况"
            placeholder="不限"
            value={draft.outcome ?? ''}
            options={[ANY, ...options(DISPUTE_OUTCOME_LABELS)]}
            onChange={(outcome) => change({ outcome: outcome || null })}
          />
          <View className="form-row">
            <FieldLabel>化解疏导情况（包含文字）</FieldLabel>
            <Input id="disputes-filter-note" placeholder="如 调解" value={draft.handlingNote} maxLength={50} onChange={(handlingNote) => change({ handlingNote })} />
          </View>
          <SelectField<number | ''>
            id="disputes-filter-category"
            label="问题分类"
            placeholder="不限"
            value={draft.categoryId ?? ''}
            options={[ANY, ...categoryOptions(categories, draft.categoryId)]}
            onChange={(categoryId) => change({ categoryId: categoryId === '' ? null : categoryId })}
          />
          {statuses.length > 0 && (
            <SelectField<DisputeStatus | ''>
              id="disputes-filter-status"
              label="状态"
              placeholder="不限"
              value={draft.status && statuses.includes(draft.status) ? draft.status : ''}
              options={[ANY, ...statuses.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s] }))]}
              onChange={(status) => change({ status: status || null })}
            />
          )}
          <View className="form-row">
            <FieldLabel>超期</FieldLabel>
            <View className="choices">
              <View id="disputes-filter-overdue-any" className={`choice${draft.overdueOnly ? '' : ' choice--active'}`} onClick={() => change({ overdueOnly: false })}>
                <Text>不限</Text>
              </View>
              <View id="disputes-filter-overdue-only" className={`choice${draft.overdueOnly ? ' choice--active' : ''}`} onClick={() => change({ overdueOnly: true })}>
                <Text>仅超期</Text>
              </View>
            </View>
          </View>
          <View className="dispute-sheet__actions">
            <Button id="disputes-filter-reset" fill="outline" onClick={() => setDraft({ ...emptyLedgerFilter(), propertyAreaName: draft.propertyAreaName })}>
              重置
            </Button>
            <Button id="disputes-filter-apply" type="primary" onClick={() => onApply(draft)}>
              确定
            </Button>
          </View>
        </View>
      </ScrollView>
    </Popup>
  );
}
