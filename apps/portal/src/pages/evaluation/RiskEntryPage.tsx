import { RecordEntryPage } from './RecordEntryPage';

/** 我的工作 → 风险名单认定 */
export default function RiskEntryPage() {
  return <RecordEntryPage kind="risk-list" />;
}
