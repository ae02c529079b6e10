import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';

/**
 * 队列监控 (city admins): the api's dashboard of the message queues at /admin/queues. A browser
 * cannot send the portal's bearer token when it opens a page, so the api first sets a short-lived
 * cookie for that path (POST /api/admin/queues/session, 10 minutes), then the page opens in a new tab.
 */
export default function QueueBoardPage() {
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [openedFor, setOpenedFor] = useState<number | null>(null);

  const open = async () => {
    setProblem(null);
    setOpening(true);
    // opened before the await, so that the browser treats it as the click's own window
    const tab = window.open('', '_blank');
    try {
      const board = await api.admin.queueBoardSession();
      setOpenedFor(Math.round(board.expiresIn / 60));
      if (tab) tab.location.href = board.path;
      else window.location.assign(board.path);
    } catch (e) {
      tab?.close();
      setProblem(errorMessage(e));
    } finally {
      setOpening(false);
    }
  };

  return (
    <PageContainer>
      <ProCard>
        <Typography.Paragraph>
          队列监控显示通知推送（微信消息、短信）和定时任务的队列：等待、进行中、已完成、失败的任务数量。配置了 Redis 时为 Bull Board 管理界面（可查看失败原因、重试）；嵌入模式（未配置 Redis）下为任务队列的 JSON 状态。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          点击下方按钮后，平台为本浏览器开启10分钟的队列监控访问（仅限市局管理员，退出登录或修改密码后立即失效），并在新标签页打开 /admin/queues。过期后请回到本页重新打开。
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
        {openedFor !== null && <Alert type="success" showIcon message={`已在新标签页打开队列监控，本次访问${openedFor}分钟内有效。`} style={{ marginBottom: 16 }} />}
        <Button type="primary" loading={opening} onClick={() => void open()}>
          打开队列监控
        </Button>
      </ProCard>
    </PageContainer>
  );
}
