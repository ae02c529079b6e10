import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect } from 'react';
import { api } from '../../../api';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { formatDateTime } from '../../../logic/format';
import { intParam } from '../../../utils/navigation';

/** 我接收的消息: one notice; opening it marks it read. */
export default function ReceivedNotice() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('通知编号不正确')) : api.notices.receivedDetail(id)), [id]);
  useEffect(() => {
    if (loaded.data && !loaded.data.readAt) void api.notices.markRead(loaded.data.id).catch(() => undefined);
  }, [loaded.data]);
  return (
    <View className="page" id="received-notice">
      <LoadState loaded={loaded} id="received">
        {(notice) => (
          <Section title={notice.title}>
            <InfoRows
              rows={[
                { label: '通知类型', value: notice.noticeTypeName },
                { label: '发布单位', value: notice.senderUnit },
                { label: '发布人', value: notice.senderName },
                { label: '发布时间', value: formatDateTime(notice.createdAt) },
                { label: '通知内容', value: notice.content },
                { label: '附件', value: notice.attachments.length ? notice.attachments.map((a) => a.fileName).join('、') : '无' },
              ]}
            />
          </Section>
        )}
      </LoadState>
    </View>
  );
}
