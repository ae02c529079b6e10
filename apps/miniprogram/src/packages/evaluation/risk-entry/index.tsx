import { RecordEntryScreen } from '../../../components/RecordEntryScreen';

export default function RiskListEntry() {
  return <RecordEntryScreen kind="risk-list" />;
}
