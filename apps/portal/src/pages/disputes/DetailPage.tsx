import { PageContainer, ProCard } from '@ant-design/pro-components';
import { DISPUTE_ACTION_LABELS, DISPUTE_DISPOSAL_LABELS, DISPUTE_OUTCOME_LABELS, DisputeDisposal, DisputeOutcome, WorkflowAction, WorkflowErrorCode, type DisputeDetail } from '@szpm/contract';
import { Alert, Button, DatePicker, Form, Input, message, Modal, Radio, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api';
import { AttachmentUpload } from '../evaluation/components';
import { DisputeSections, HistoryTimeline } from './components';
import { disputesApi } from './endpoints';
import { detailButtons, formFieldPath, handleSubmitLabel, reviewDecisions, transferConfirmText, type DetailButtonKey } from './logic';

const CHANGED_MESSAGE = '该矛盾纠纷件已被他人处理或修改，已重新读取最新内容，请核对后再操作';

const isConflict = (e: unknown) => e instanceof ApiError && (e.code === WorkflowErrorCode.CONFLICT || e.status === 409);

interface HandleValues {
  disposal?: DisputeDisposal;
  outcome?: DisputeOutcome;
  repliedAt?: dayjs.Dayjs;
  handlingNote?: string;
  issues?: string;
  attachmentIds?: number[];
}

interface ReviewValues {
  decision?: WorkflowAction.SEND_BACK | WorkflowAction.APPROVE_CLOSE;
  opinion?: string;
  remark?: string;
}

/** The dialog form of one action: OK submits the form, the api's field errors land on their fields. */
function useActionForm<V extends object>(send: (values: V) => Promise<void>) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await send(values);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = Object.entries(e.fieldErrors()).map(([field, text]) => ({ name: formFieldPath(field) as never, errors: [text] }));
        if (fields.length) form.setFields(fields);
      }
      throw e;
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, submit };
}

/** 处理: 处置方式 first (处置情况 waits for it), 答复日期 between entry and today, 化解疏导情况, 存在问题, attachments. */
function HandleModal({ detail, open, onClose, onSend }: { detail: DisputeDetail; open: boolean; onClose: () => void; onSend: (values: HandleValues) => Promise<void> }) {
  const { form, busy, submit } = useActionForm<HandleValues>(onSend);
  const disposal = Form.useWatch('disposal', form);
  const label = handleSubmitLabel(detail);
  return (
    <Modal
      title="处理"
      open={open}
      width={720}
      onCancel={onClose}
      okText={label}
      okButtonProps={{ loading: busy, 'aria-label': label }}
      cancelText="取消"
      onOk={() => submit().catch(() => undefined)}
      forceRender
      afterClose={() => form.resetFields()}
    >
      <Form<HandleValues> form={form} layout="vertical" id="dispute-handle-form">
        <Form.Item name="disposal" label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
          <Radio.Group options={Object.values(DisputeDisposal).map((d) => ({ value: d, label: DISPUTE_DISPOSAL_LABELS[d] }))} onChange={() => form.setFieldsValue({ outcome: undefined })} />
        </Form.Item>
        <Form.Item name="outcome" label="处置情况" rules={[{ required: true, message: '请选择处置情况' }]} extra={disposal ? undefined : '请先选择处置方式'}>
          <Radio.Group disabled={!disposal} options={Object.values(DisputeOutcome).map((o) => ({ value: o, label: DISPUTE_OUTCOME_LABELS[o] }))} />
        </Form.Item>
        <Form.Item name="repliedAt" label="答复日期" rules={[{ required: true, message: '请选择答复日期' }]}>
          <DatePicker style={{ width: 240 }} disabledDate={(d) => d.isAfter(dayjs().endOf('day')) || d.isBefore(dayjs(detail.enteredAt).startOf('day'))} />
        </Form.Item>
        <Form.Item name="handlingNote" label="化解疏导情况" rules={[{ required: true, message: '请输入化解疏导情况' }, { max: 2000, message: '不能超过2000个字' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="issues" label="存在问题" rules={[{ max: 2000, message: '不能超过2000个字' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="attachmentIds" label="附件">
          <AttachmentUpload />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审核: 驳回重报 (意见 required) or 同意办结, with a 备注. */
function ReviewModal({ detail, open, onClose, onSend }: { detail: DisputeDetail; open: boolean; onClose: () => void; onSend: (values: ReviewValues) => Promise<void> }) {
  const { form, busy, submit } = useActionForm<ReviewValues>(onSend);
  const decision = Form.useWatch('decision', form);
  const decisions = reviewDecisions(detail.allowedActions);
  return (
    <Modal title="审核" open={open} width={640} onCancel={onClose} okText="提交" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => submit().catch(() => undefined)} forceRender afterClose={() => form.resetFields()}>
      <Form<ReviewValues> form={form} layout="vertical" id="dispute-review-form">
        <Form.Item name="decision" label="审核意见" rules={[{ required: true, message: '请选择审核意见' }]}>
          <Radio.Group options={decisions.map((d) => ({ value: d, label: DISPUTE_ACTION_LABELS[d] }))} />
        </Form.Item>
        <Form.Item
          name="opinion"
          label="意见"
          dependencies={['decision']}
          rules={[{ required: decision === WorkflowAction.SEND_BACK, message: '驳回重报须填写意见' }, { max: 1000, message: '不能超过1000个字' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={decision === WorkflowAction.SEND_BACK ? '请说明驳回的原因和需补充的处理' : '选填'} />
        </Form.Item>
        <Form.Item name="remark" label="备注" rules={[{ max: 1000, message: '不能超过1000个字' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退回区局: the street office returns the case with its reason. */
function ReturnModal({ open, onClose, onSend }: { open: boolean; onClose: () => void; onSend: (values: { reason: string }) => Promise<void> }) {
  const { form, busy, submit } = useActionForm<{ reason: string }>(onSend);
  return (
    <Modal title="退回区局" open={open} width={560} onCancel={onClose} okText="退回" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => submit().catch(() => undefined)} forceRender afterClose={() => form.resetFields()}>
      <Form form={form} layout="vertical" id="dispute-return-form">
        <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请输入退回原因' }, { max: 1000, message: '不能超过1000个字' }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder="如：该纠纷不属于本街道辖区" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 详情 of a 矛盾纠纷件 (/disputes/:id): every section read-only, the 历程, and the buttons the api
 * allows this viewer — 转办 (confirmed), 处理 (办结 / 申请办结), 审核, 修改, 退回区局. Each action sends
 * the version it read; when the case changed meanwhile (409) it is read again and the officer told.
 */
export default function DetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const [detail, setDetail] = useState<DisputeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [opened, setOpened] = useState<DetailButtonKey | null>(null);

  const reload = useCallback(() => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('矛盾纠纷件编号不正确');
      return;
    }
    disputesApi.detail(id).then(setDetail, (e) => setError(errorMessage(e)));
  }, [id]);
  useEffect(() => setDetail(null), [id]);
  useEffect(reload, [reload]);

  /** Runs one action: its answer becomes the page; a conflict reloads and says so; other refusals are shown and rethrown (the dialog stays open). */
  const act = async (done: string, run: (current: DisputeDetail) => Promise<DisputeDetail>) => {
    setNotice(null);
    try {
      const answer = await run(detail!);
      setDetail(answer);
      setOpened(null);
      message.success(done);
    } catch (e) {
      if (isConflict(e)) {
        setOpened(null);
        setNotice(CHANGED_MESSAGE);
        reload();
        return;
      }
      message.error(errorMessage(e));
      throw e;
    }
  };

  if (error) return <Result status="warning" title="无法打开矛盾纠纷件" subTitle={error} extra={<Button onClick={() => navigate(-1)}>返回</Button>} />;
  if (!detail) return <Spin style={{ display: 'block', padding: 48 }} />;

  const transfer = () =>
    Modal.confirm({
      title: '转办',
      content: transferConfirmText(detail),
      okText: '确定',
      cancelText: '取消',
      onOk: () => act(`已转办至${detail.streetName}`, (current) => disputesApi.transfer(current.id, current.version)).catch(() => undefined),
    });

  const press = (key: DetailButtonKey) => {
    if (key === 'transfer') transfer();
    else if (key === 'edit') navigate(`/disputes/${detail.id}/edit`);
    else setOpened(key);
  };

  const buttons = detailButtons(detail.allowedActions);

  return (
    <PageContainer
      title={`矛盾纠纷件 ${detail.businessNo}`}
      subTitle={detail.statusLabel}
      onBack={() => navigate(-1)}
      extra={buttons.map((b, index) => (
        <Button key={b.key} type={index === 0 ? 'primary' : 'default'} danger={b.key === 'return'} onClick={() => press(b.key)}>
          {b.label}
        </Button>
      ))}
    >
      {notice && <Alert type="warning" showIcon closable onClose={() => setNotice(null)} role="alert" style={{ marginBottom: 16 }} message={notice} data-testid="dispute-changed" />}
      <DisputeSections detail={detail} />
      <ProCard bordered title="历程" style={{ marginTop: 16 }}>
        <HistoryTimeline history={detail.history} />
      </ProCard>
      <HandleModal
        detail={detail}
        open={opened === 'handle'}
        onClose={() => setOpened(null)}
        onSend={(values) =>
          act(`已${handleSubmitLabel(detail)}`, (current) =>
            disputesApi.handle(current.id, {
              version: current.version,
              disposal: values.disposal!,
              outcome: values.outcome!,
              repliedAt: values.repliedAt!.format('YYYY-MM-DD'),
              handlingNote: values.handlingNote!.trim(),
              issues: values.issues?.trim() || null,
              attachmentIds: values.attachmentIds ?? [],
            }),
          )
        }
      />
      <ReviewModal
        detail={detail}
        open={opened === 'review'}
        onClose={() => setOpened(null)}
        onSend={(values) =>
          act(values.decision === WorkflowAction.SEND_BACK ? '已驳回重报' : '已同意办结', (current) =>
            disputesApi.review(current.id, { version: current.version, decision: values.decision!, opinion: values.opinion?.trim() || undefined, remark: values.remark?.trim() || undefined }),
          )
        }
      />
      <ReturnModal open={opened === 'return'} onClose={() => setOpened(null)} onSend={(values) => act('已退回区局', (current) => disputesApi.returnToDistrict(current.id, { version: current.version, reason: values.reason.trim() }))} />
    </PageContainer>
  );
}
