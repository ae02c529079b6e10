import { RecordEntryScreen } from '../../../components/RecordEntryScreen';

export default function BadRecordEntry() {
  return <RecordEntryScreen kind="bad-record" />;
}
