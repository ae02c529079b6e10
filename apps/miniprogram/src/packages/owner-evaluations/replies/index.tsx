import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EvaluationRecordView } from '@szpm/contract';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useListPage } from '../../../hooks/useListPage';
import { usePagedList } from '../../../hooks/usePagedList';
import { Button } from '../../../ui/button';
import { TextArea } from '../../../ui/textarea';
import { toast, toastSuccess } from '../../../utils/feedback';
import { monthParam } from '../../../utils/navigation';
import { RecordCard } from '../RecordCard';

type Status = 'UNREPLIED' | 'REPLIED' | 'ALL';

/**
 * 业主评价回复 (project managers and companies for the property service, owners' committees for
 * theirs): the evaluations of their own areas, low stars first; an anonymous one without the
 * owner's name and house. A reply is given once and the owner reads it in 我的评价.
 */
export default function EvaluationReplies() {
  const { params } = useRouter();
  const [status, setStatus] = useState<Status>('UNREPLIED');
  const month = monthParam(params, 'month') ?? undefined;
  const list = usePagedList((page, pageSize) => api.ownerEvaluations.replies({ status, month, page, pageSize }), [status]);
  useListPage(list, { refreshOnReturn: true });
  return (
    <View className="page page--list" id="evaluation-replies">
      {month && <Text className="page__lead">{month} 的业主评价</Text>}
      <SegmentTabs
        id="evaluation-replies-status"
        tabs={[
          { value: 'UNREPLIED', label: '待回复' },
          { value: 'REPLIED', label: '已回复' },
          { value: 'ALL', label: '全部' },
        ]}
        value={status}
        onChange={setStatus}
      />
      <PagedListView
        list={list}
        id="evaluation-replies-list"
        emptyText={status === 'UNREPLIED' ? '没有待回复的业主评价' : '没有业主评价'}
        renderItem={(r) => (
          <RecordCard key={r.id} record={r} id={`evaluation-reply-${r.id}`}>
            {!r.reply && <ReplyBox record={r} onReplied={() => void list.refresh()} />}
          </RecordCard>
        )}
      />
    </View>
  );
}

function ReplyBox({ record, onReplied }: { record: EvaluationRecordView; onReplied: () => void }) {
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!content.trim()) {
      toast('请填写回复内容');
      return;
    }
    setBusy(true);
    try {
      await api.ownerEvaluations.reply(record.id, content.trim());
      toastSuccess('已回复');
      onReplied();
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View id={`evaluation-reply-${record.id}-form`}>
      <TextArea id={`evaluation-reply-${record.id}-content`} placeholder="回复业主" value={content} maxLength={500} onChange={setContent} />
      <Button id={`evaluation-reply-${record.id}-send`} size="small" type="primary" loading={busy} onClick={() => void send()}>
        回复
      </Button>
    </View>
  );
}
