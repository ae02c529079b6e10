import type { WorkflowCaseDetail } from '@szpm/contract';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api';

/**
 * One workflow form of a page's route parameter (GET /api/workflow/cases/:id): the detail, or the
 * message why it cannot be shown (`invalidId` for a parameter that is no id); `setDetail` takes the
 * detail an action answers, `reload` reads it again (e.g. after a refusal).
 */
export function useWorkflowCase(id: number, invalidId: string): { detail: WorkflowCaseDetail | null; setDetail: (detail: WorkflowCaseDetail) => void; error: string | null; reload: () => void } {
  const [detail, setDetail] = useState<WorkflowCaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    setError(null);
    if (!Number.isInteger(id) || id <= 0) {
      setError(invalidId);
      return;
    }
    api.workflow.detail(id).then(setDetail, (e) => setError(errorMessage(e)));
  }, [id, invalidId]);
  // another form: nothing of the previous one is shown while it loads
  useEffect(() => setDetail(null), [id]);
  useEffect(reload, [reload]);
  return { detail, setDetail, error, reload };
}
