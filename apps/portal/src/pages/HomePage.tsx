import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { ModuleKey, TodoList, type TodoCounts } from '@szpm/contract';
import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { menuFor, quickEntryLinks } from '../logic/pages';
import { useSession } from '../session';

const SUMMARY: Array<{ key: keyof TodoCounts; list: TodoList; title: string }> = [
  { key: 'pending', list: TodoList.PENDING, title: '待办' },
  { key: 'handled', list: TodoList.HANDLED, title: '已办' },
];

/** The home (chapter 2): who is signed in, the quick entries and the todo summary. */
export default function HomePage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<TodoCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const holdsTodos = useMemo(() => menuFor(me?.modules ?? []).some((s) => s.module === ModuleKey.TODOS), [me]);
  const { shown, more } = useMemo(() => quickEntryLinks(me?.quickEntries ?? [], undefined, Number.MAX_SAFE_INTEGER), [me]);

  useEffect(() => {
    if (holdsTodos) api.todos.counts().then(setCounts, (e) => setError(errorMessage(e)));
  }, [holdsTodos]);

  return (
    <PageContainer title={`您好，${me?.name ?? ''}`} content={[me?.roleLabel, me?.districtName ?? '市局'].filter(Boolean).join(' · ')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {shown.length + more.length > 0 && (
          <ProCard title="功能快捷入口">
            <Space wrap>
              {[...shown, ...more].map((entry) => (
                <Button key={entry.key} onClick={() => navigate(entry.path)}>
                  {entry.label}
                </Button>
              ))}
            </Space>
          </ProCard>
        )}
        {holdsTodos && (
          <section data-testid="todo-summary" aria-label="待办事项">
          <ProCard title="待办事项" extra={<Link to="/todos">全部待办</Link>}>
            {error && <Alert type="error" message={error} showIcon />}
            <StatisticCard.Group>
              {SUMMARY.map((item) => (
                <StatisticCard
                  key={item.key}
                  statistic={{ title: item.title, value: counts?.[item.key] ?? '-', suffix: '件' }}
                  onClick={() => navigate(`/todos?list=${item.list}`)}
                  style={{ cursor: 'pointer' }}
                />
              ))}
            </StatisticCard.Group>
          </ProCard>
          </section>
        )}
        {!holdsTodos && <Typography.Paragraph>请从左侧菜单进入您有权限的功能。</Typography.Paragraph>}
      </Space>
    </PageContainer>
  );
}
