import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SAFETY_CHECK_OUTCOME_LABELS, SafetyCheckOutcome, SafetyInspectionErrorCode, SafetyTargetForm } from '@szpm/contract';
import { useState } from 'react';
import { api, ApiError } from '../../../api';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldError, InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { formatDate, formatDateTime } from '../../../logic/format';
import {
  answeredCount,
  answersOf,
  isSubmitted,
  NOTE_MAX_LENGTH,
  noteRequired,
  OUTCOME_CHOICES,
  outcomeSummary,
  resultEntries,
  submitProblemMessage,
  submitProblems,
  TaskAnswers,
  taskSubmitConfirmation,
  taskTag,
  withAnswer,
  withUnansweredPassed,
} from '../../../logic/safety-task';
import { toast, toastError, toastSuccess } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Tag } from '../../../ui/tag';
import { TextArea } from '../../../ui/textarea';

type Item = SafetyTargetForm['indicators'][number]['items'][number];

/**
 * One property area's inspection (?targetId=): the project manager answers every item (合格 /
 * 不合格 with the problem described / 不涉及, with site photos), saves as often as needed and
 * submits once; after that the results are shown read-only.
 */
export default function SafetyTask() {
  const targetId = intParam(useRouter().params, 'targetId');
  const loaded = useLoader(() => (targetId === null ? Promise.reject(new Error('检查任务编号不正确')) : api.safety.task(targetId)), [targetId]);
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page" id="safety-task">
      <LoadState loaded={loaded} id="task">
        {(form) => (
          <>
            <TaskHead form={form} />
            {isSubmitted(form) ? (
              <SubmittedResults form={form} />
            ) : (
              // a saved or refused answer reloads the form: start again from what the server holds
              <TaskForm key={`${form.targetId}-${form.savedAt ?? ''}`} form={form} onSaved={() => void loaded.reload()} />
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}

function TaskHead({ form }: { form: SafetyTargetForm }) {
  const tag = taskTag(form);
  return (
    <View className="card">
      <View className="case-card__head">
        <Text className="case-card__type">{form.kindLabel}</Text>
        <Tag type={tag.type}>{tag.text}</Tag>
      </View>
      <Text className="case-card__title" id="task-title">
        {form.title}
      </Text>
      <InfoRows
        id="task-info"
        rows={[
          { label: '物业项目', value: form.propertyAreaName },
          { label: '截止日期', value: formatDate(form.deadline) },
          { label: '填报状态', value: form.statusLabel },
          ...(form.instructions ? [{ label: '检查说明', value: form.instructions }] : []),
        ]}
      />
    </View>
  );
}

function SubmittedResults({ form }: { form: SafetyTargetForm }) {
  return (
    <>
      <Section title="提交情况" id="task-submitted">
        <InfoRows
          rows={[
            { label: '检查结果', value: outcomeSummary(form) },
            { label: '提交人', value: form.submittedByName ?? '—' },
            { label: '提交时间', value: formatDateTime(form.submittedAt) },
          ]}
        />
      </Section>
      {form.indicators.map((indicator) => (
        <Section key={indicator.name} title={indicator.name}>
          {indicator.items.map((item) => (
            <View className="choice-row" key={item.id} id={`task-result-${item.id}`}>
              <View className="choice-row__text">
                <Text>{item.content}</Text>
                <Text className={item.result.outcome === SafetyCheckOutcome.FAIL ? 'field-error' : 'muted'}>
                  {item.result.outcome ? SAFETY_CHECK_OUTCOME_LABELS[item.result.outcome] : '未填写'}
                  {item.result.note ? `：${item.result.note}` : ''}
                </Text>
                {item.result.photos.length > 0 && <Text className="muted">现场照片：{item.result.photos.map((p) => p.fileName).join('、')}</Text>}
              </View>
            </View>
          ))}
        </Section>
      ))}
    </>
  );
}

function TaskForm({ form, onSaved }: { form: SafetyTargetForm; onSaved: () => void }) {
  const [answers, setAnswers] = useState<TaskAnswers>(() => answersOf(form));
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const confirmation = useConfirmDialog('task-confirm');
  const total = form.indicators.reduce((n, indicator) => n + indicator.items.length, 0);

  const change = (itemId: number, next: TaskAnswers) => {
    setAnswers(next);
    setProblems(({ [itemId]: _solved, ...rest }) => rest);
  };

  const save = async () => {
    const results = resultEntries(answers);
    if (!results.length) {
      toast('请至少填写一个检查项');
      return;
    }
    setBusy('save');
    try {
      await api.safety.saveTask(form.targetId, { results });
      toastSuccess('已保存');
      onSaved();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    const found = submitProblems(form, answers);
    setProblems(found);
    const message = submitProblemMessage(found);
    if (message) {
      toast(message);
      return;
    }
    if (!(await confirmation.ask(taskSubmitConfirmation(form, answers)))) return;
    setBusy('submit');
    try {
      await api.safety.submitTask(form.targetId, { results: resultEntries(answers) });
      toastSuccess('已提交');
      onSaved();
    } catch (error) {
      toastError(error);
      // submitted meanwhile (another account of the manager): show the final results
      if (error instanceof ApiError && error.code === SafetyInspectionErrorCode.ALREADY_SUBMITTED) onSaved();
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {form.indicators.map((indicator) => (
        <Section key={indicator.name} title={indicator.name}>
          {indicator.items.map((item) => (
            <ItemAnswerRow key={item.id} item={item} answers={answers} problem={problems[item.id]} onChange={(next) => change(item.id, next)} />
          ))}
        </Section>
      ))}
      <Section id="task-actions">
        <View className="section__head">
          <Text className="muted" id="task-progress">
            已填 {answeredCount(answers)}/{total} 项
          </Text>
          <Text className="link" id="task-fill-pass" onClick={() => setAnswers(withUnansweredPassed(form, answers))}>
            未填项全部合格
          </Text>
        </View>
        <View className="actions">
          <Button id="task-save" fill="outline" loading={busy === 'save'} disabled={busy !== null} onClick={() => void save()}>
            保存
          </Button>
          <Button id="task-submit" type="primary" loading={busy === 'submit'} disabled={busy !== null} onClick={() => void submit()}>
            提交
          </Button>
        </View>
      </Section>
      {confirmation.dialog}
    </>
  );
}

function ItemAnswerRow({ item, answers, problem, onChange }: { item: Item; answers: TaskAnswers; problem?: string; onChange: (next: TaskAnswers) => void }) {
  const answer = answers[item.id];
  // 合格 / 不涉及 rarely need words or photos: offered on request, so a long checklist stays short
  const [expanded, setExpanded] = useState(() => Boolean(answer?.note || answer?.photoIds.length));
  const details = Boolean(answer?.outcome) && (expanded || noteRequired(answer.outcome));
  return (
    <View className="form-row" id={`task-item-${item.id}`}>
      <Text>{item.content}</Text>
      {item.facility && <Text className="muted">设施设备：{item.facility}</Text>}
      <View className="choices">
        {OUTCOME_CHOICES.map((choice) => (
          <View
            key={choice.value}
            id={`task-item-${item.id}-${choice.value}`}
            className={`choice${answer?.outcome === choice.value ? ' choice--active' : ''}${choice.value === SafetyCheckOutcome.FAIL ? ' choice--warn' : ''}`}
            onClick={() => onChange(withAnswer(answers, item.id, { outcome: choice.value }))}
          >
            <Text>{choice.label}</Text>
          </View>
        ))}
      </View>
      {answer?.outcome && !details && (
        <Text className="link" id={`task-item-${item.id}-more`} onClick={() => setExpanded(true)}>
          添加说明或现场照片
        </Text>
      )}
      {details && (
        <>
          <Text className="form-row__label">{noteRequired(answer.outcome) ? '问题说明（必填）' : '说明（选填）'}</Text>
          <TextArea
            id={`task-item-${item.id}-note`}
            placeholder={noteRequired(answer.outcome) ? '请说明存在的问题和整改措施' : '如有需要，可填写说明'}
            value={answer.note}
            maxLength={NOTE_MAX_LENGTH}
            onChange={(note) => onChange(withAnswer(answers, item.id, { note }))}
          />
          <AttachmentPicker
            id={`task-item-${item.id}-photos`}
            label="现场照片"
            initial={item.result.photos}
            onChange={(photoIds) => onChange(withAnswer(answers, item.id, { photoIds }))}
          />
        </>
      )}
      <FieldError message={problem} />
    </View>
  );
}
