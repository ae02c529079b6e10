import { RecordDetailPage } from './RecordDetailPage';

/** 风险名单 → 查看 */
export default function RiskEntryDetailPage() {
  return <RecordDetailPage kind="risk-list" />;
}
