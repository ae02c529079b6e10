import { PageContainer, ProCard } from '@ant-design/pro-components';
import type { ReceivedNoticeDetail } from '@szpm/contract';
import { Button, Descriptions, message, Result, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { downloadFile } from '../../transfer';

/** A received notice: its content and attachments; opening it marks it read (with the 催办 about it). */
export default function ReceivedNoticeDetailPage() {
  const id = Number(useParams().id);
  const [notice, setNotice] = useState<ReceivedNoticeDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.notices.receivedDetail(id).then(
      (found) => {
        setNotice(found);
        if (!found.readAt) api.notices.markRead(id).then(() => setNotice({ ...found, readAt: new Date().toISOString() }), (e) => message.error(errorMessage(e)));
      },
      (e) => setFailure(errorMessage(e)),
    );
  }, [id]);

  if (failure) return <Result status="warning" title="无法打开通知" subTitle={failure} />;
  if (!notice) return <Skeleton active style={{ padding: 24 }} />;

  return (
    <PageContainer title={notice.title}>
      <ProCard bordered>
        <Descriptions column={{ xs: 1, lg: 3 }} bordered size="small">
          <Descriptions.Item label="通知类型">{notice.noticeTypeName}</Descriptions.Item>
          <Descriptions.Item label="发送单位">{notice.senderUnit}</Descriptions.Item>
          <Descriptions.Item label="发送时间">{dayjs(notice.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="通知内容" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{notice.content}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="附件" span={3}>
            {notice.attachments.length
              ? notice.attachments.map((a) => (
                  <Button key={a.id} type="link" size="small" onClick={() => void downloadFile(api.notices.receivedAttachmentPath(id, a.id), {}, a.fileName).catch((e) => message.error(errorMessage(e)))}>
                    {a.fileName}
                  </Button>
                ))
              : '无'}
          </Descriptions.Item>
        </Descriptions>
      </ProCard>
    </PageContainer>
  );
}
