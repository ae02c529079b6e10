import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../api';
import { disputesApi } from './endpoints';

/**
 * 待办事项 → 办理 of a 矛盾纠纷件 (/disputes/case/:caseId): a todo carries the workflow case id, so the
 * dispute is looked up by it (GET /api/disputes/cases/:caseId) and its 详情 opened in place of this
 * page — the history's back step then returns to the todo, and the detail's own links stay as usual.
 */
export default function CasePage() {
  const { caseId: caseParam } = useParams();
  const caseId = Number(caseParam);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!Number.isInteger(caseId) || caseId <= 0) {
      setError('表单编号不正确');
      return;
    }
    let current = true;
    disputesApi.detailByCase(caseId).then(
      (detail) => current && navigate(`/disputes/${detail.id}`, { replace: true }),
      (e) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [caseId, navigate]);

  if (error) return <Result status="warning" title="无法打开矛盾纠纷件" subTitle={error} extra={<Button onClick={() => navigate(-1)}>返回</Button>} />;
  return <Spin style={{ display: 'block', padding: 48 }} />;
}
