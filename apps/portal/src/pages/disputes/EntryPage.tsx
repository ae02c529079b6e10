import { PageContainer, ProCard } from '@ant-design/pro-components';
import {
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  DisputeUrgency,
  PETITION_CATEGORY_LABELS,
  PETITION_FORM_LABELS,
  WorkflowAction,
  WorkflowErrorCode,
  type AttachmentRef,
  type DisputeDetail,
  type DisputeDuplicateResult,
  type PropertyAreaListItem,
  type RegionNode,
} from '@szpm/contract';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, message, Radio, Result, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../api';
import { useSession } from '../../session';
import { AttachmentUpload } from '../evaluation/components';
import { DuplicateAlert, HistoryTimeline, useCategories } from './components';
import { disputesApi } from './endpoints';
import { duplicateWatch, entryFormValues, entryRequest, formFieldPath, type EntryFormValues } from './logic';

const options = <K extends string>(labels: Record<K, string>) => Object.entries(labels).map(([value, label]) => ({ value: value as K, label: label as string }));
const PHONE_RULE = { pattern: /^[0-9+\-\s()]{7,20}$/, message: '请输入正确的电话号码' };
const required = (what: string, verb = '请输入') => ({ required: true, message: `${verb}${what}` });

/** A date field held as YYYY-MM-DD text in the form, shown in a DatePicker. */
const dateField = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** 申请方 / 被申请方: kind, name, phone in one row. */
function PartyFields({ name, label }: { name: 'applicant' | 'respondent'; label: string }) {
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name={[name, 'kind']} label={`${label}类型`} rules={[required(`${label}类型`, '请选择')]}>
          <Select options={options(DISPUTE_PARTY_KIND_LABELS)} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={[name, 'name']} label={`${label}名称`} rules={[required(`${label}名称`), { max: 100, message: '不能超过100个字' }]}>
          <Input placeholder="姓名或单位名称" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={[name, 'phone']} label={`${label}电话`} rules={[PHONE_RULE]}>
          <Input placeholder="选填" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * 录入 (/disputes/new) and 修改 (/disputes/:id/edit) of a 矛盾纠纷件: 地址信息 (所属区域 the officer's
 * district; 街道 → 社区 → 小区, the first two fixed once entered), 业务信息 with the duplicate warning,
 * 信访信息 behind a switch, 附件 and 办理时限 (the category's default, no past dates). The api's field
 * errors land on their fields; 修改 sends the version it read and shows the 历程 below.
 */
export default function EntryPage() {
  const { id: idParam } = useParams();
  const editId = idParam === undefined ? undefined : Number(idParam);
  const editing = editId !== undefined;
  const { me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<EntryFormValues>();
  const categories = useCategories();
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [areas, setAreas] = useState<PropertyAreaListItem[]>([]);
  const [detail, setDetail] = useState<DisputeDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [duplicates, setDuplicates] = useState<DisputeDuplicateResult | null>(null);
  const [deadlineHint, setDeadlineHint] = useState<string | null>(null);
  const [initialAttachments, setInitialAttachments] = useState<readonly AttachmentRef[]>([]);
  // the officer picked a 办理时限 by hand: a later change of category leaves it
  const deadlineChosen = useRef(false);
  const watch = useMemo(() => duplicateWatch(disputesApi.duplicates, setDuplicates), []);
  useEffect(() => () => watch.dispose(), [watch]);

  const streetId = Form.useWatch('streetId', form);
  const communityId = Form.useWatch('communityId', form);
  const hasPetition = Form.useWatch('hasPetition', form);
  const district = regions.find((r) => r.level === 'DISTRICT');
  const streets = district?.children ?? [];
  const communities = streets.find((s) => s.id === streetId)?.children ?? [];

  useEffect(() => {
    api.regions.tree().then(setRegions, (e) => message.error(errorMessage(e)));
  }, []);

  const load = (id: number) =>
    disputesApi.detail(id).then(
      (read) => {
        setDetail(read);
        setInitialAttachments(read.attachments);
        form.setFieldsValue(entryFormValues(read));
        deadlineChosen.current = true;
        watch.update(form.getFieldsValue(true), id);
      },
      (e) => setLoadError(errorMessage(e)),
    );

  useEffect(() => {
    if (!editing) return;
    if (!Number.isInteger(editId) || editId! <= 0) setLoadError('矛盾纠纷件编号不正确');
    else void load(editId!);
  }, [editId]);

  useEffect(() => {
    if (!communityId) {
      setAreas([]);
      return;
    }
    disputesApi.propertyAreas(communityId).then(setAreas, (e) => message.error(errorMessage(e)));
  }, [communityId]);

  const categoryChanged = (categoryId: number) => {
    if (deadlineChosen.current) return;
    disputesApi.deadlineDefault(categoryId).then(
      (answer) => {
        form.setFieldsValue({ deadline: answer.deadline });
        setDeadlineHint(`按问题分类默认 ${answer.workingDays} 个工作日`);
      },
      () => setDeadlineHint(null),
    );
  };

  const submit = async (values: EntryFormValues) => {
    setFailure(null);
    setSaving(true);
    try {
      const body = entryRequest({ ...form.getFieldsValue(true), ...values });
      const saved = editing ? await disputesApi.update(editId!, { ...body, version: detail!.version }) : await disputesApi.create(body);
      message.success(editing ? '修改已保存' : `录入成功，编号 ${saved.businessNo}`);
      navigate(`/disputes/${saved.id}`, { replace: editing });
    } catch (e) {
      setFailure(errorMessage(e));
      if (e instanceof ApiError) {
        const fields = Object.entries(e.fieldErrors()).map(([field, text]) => ({ name: formFieldPath(field) as never, errors: [text] }));
        if (fields.length) form.setFields(fields);
        if (editing && (e.code === WorkflowErrorCode.CONFLICT || e.status === 409)) {
          setFailure('该矛盾纠纷件已被他人处理或修改，已重新读取最新内容，请核对后再提交');
          void load(editId!);
        }
      }
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <Result status="warning" title="无法打开矛盾纠纷件" subTitle={loadError} extra={<Button onClick={() => navigate(-1)}>返回</Button>} />;
  if (editing && !detail) return <Spin style={{ display: 'block', padding: 48 }} />;
  const editable = !detail || detail.allowedActions.includes(WorkflowAction.EDIT);

  return (
    <PageContainer title={editing ? `修改矛盾纠纷件 ${detail!.businessNo}` : '录入矛盾纠纷件'} onBack={() => navigate(-1)}>
      {!editable && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="您不能修改该矛盾纠纷件（已办结，或不在您手中）" />}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={failure} data-testid="dispute-entry-error" />}
      <Form<EntryFormValues>
        id="dispute-entry-form"
        form={form}
        layout="vertical"
        disabled={!editable || saving}
        initialValues={{ urgency: DisputeUrgency.NORMAL, peopleCount: 1, hasPetition: false, attachmentIds: [] }}
        onValuesChange={(_, all) => watch.update(all, editId)}
        onFinish={submit}
        scrollToFirstError
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ProCard bordered title="地址信息">
            <Row gutter={16}>
              <Col span={6}>
                <Form.Item label="所属区域" required>
                  <Input value={detail?.districtName ?? me?.districtName ?? district?.name ?? ''} disabled aria-label="所属区域" />
                </Form.Item>
              </Col>
              <Col span={6}>
                {editing ? (
                  <>
                    <Form.Item name="streetId" hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item label="所属街道" required tooltip="录入后不能修改">
                      <Input value={detail!.streetName} disabled aria-label="所属街道" />
                    </Form.Item>
                  </>
                ) : (
                  <Form.Item name="streetId" label="所属街道" rules={[required('所属街道', '请选择')]}>
                    <Select
                      placeholder="请选择街道"
                      showSearch
                      optionFilterProp="label"
                      options={streets.map((s) => ({ value: s.id, label: s.name }))}
                      onChange={() => form.setFieldsValue({ communityId: undefined, propertyAreaId: undefined })}
                    />
                  </Form.Item>
                )}
              </Col>
              <Col span={6}>
                {editing ? (
                  <>
                    <Form.Item name="communityId" hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item label="所属社区" required tooltip="录入后不能修改">
                      <Input value={detail!.communityName} disabled aria-label="所属社区" />
                    </Form.Item>
                  </>
                ) : (
                  <Form.Item name="communityId" label="所属社区" rules={[required('所属社区', '请选择')]}>
                    <Select
                      placeholder={streetId ? '请选择社区' : '请先选择街道'}
                      disabled={!streetId}
                      showSearch
                      optionFilterProp="label"
                      options={communities.map((c) => ({ value: c.id, label: c.name }))}
                      onChange={() => form.setFieldsValue({ propertyAreaId: undefined })}
                    />
                  </Form.Item>
                )}
              </Col>
              <Col span={6}>
                <Form.Item name="propertyAreaId" label="小区名称" rules={[required('小区名称', '请选择')]}>
                  <Select
                    placeholder={communityId ? '请选择小区' : '请先选择社区'}
                    disabled={!communityId}
                    showSearch
                    optionFilterProp="label"
                    options={(areas.length || !detail ? areas.map((a) => ({ value: a.id, label: a.name })) : [{ value: detail.propertyAreaId, label: detail.propertyAreaName }])}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="address" label="详细地址" rules={[{ max: 200, message: '不能超过200个字' }]}>
              <Input placeholder="如：3栋2单元门口" />
            </Form.Item>
          </ProCard>

          <ProCard bordered title="业务信息">
            <DuplicateAlert result={duplicates} />
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="categoryId" label="问题分类" rules={[required('问题分类', '请选择')]}>
                  <Select
                    placeholder="请选择"
                    showSearch
                    optionFilterProp="label"
                    options={categories.filter((c) => c.active || c.id === detail?.categoryId).map((c) => ({ value: c.id, label: c.name }))}
                    onChange={categoryChanged}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="source" label="来源" rules={[required('来源', '请选择')]}>
                  <Select options={options(DISPUTE_SOURCE_LABELS)} placeholder="请选择" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="urgency" label="紧急程度" rules={[required('紧急程度', '请选择')]}>
                  <Radio.Group options={options(DISPUTE_URGENCY_LABELS)} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="summary" label="纠纷简述" rules={[required('纠纷简述'), { max: 2000, message: '不能超过2000个字' }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount placeholder="纠纷的经过和现状" />
            </Form.Item>
            <Form.Item name="demand" label="诉求" rules={[required('诉求'), { max: 2000, message: '不能超过2000个字' }]}>
              <Input.TextArea rows={2} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="peopleCount" label="涉及人数" rules={[required('涉及人数')]}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <PartyFields name="applicant" label="申请方" />
            <PartyFields name="respondent" label="被申请方" />
          </ProCard>

          <ProCard
            bordered
            title="信访信息"
            extra={
              <Space>
                <Typography.Text type="secondary">有信访件时填写</Typography.Text>
                <Form.Item name="hasPetition" valuePropName="checked" noStyle>
                  <Switch aria-label="填写信访信息" />
                </Form.Item>
              </Space>
            }
          >
            {hasPetition ? (
              <Row gutter={16}>
                <Col span={8}>
                  <Form.Item name={['petition', 'petitionNo']} label="信访件编号" rules={[{ max: 64, message: '不能超过64个字' }]}>
                    <Input placeholder="选填" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['petition', 'petitioner']} label="信访人" rules={[required('信访人'), { max: 100, message: '不能超过100个字' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['petition', 'phone']} label="联系电话" rules={[PHONE_RULE]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['petition', 'form']} label="信访形式" rules={[required('信访形式', '请选择')]}>
                    <Select options={options(PETITION_FORM_LABELS)} placeholder="请选择" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['petition', 'date']} label="信访日期" rules={[required('信访日期', '请选择')]} {...dateField}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['petition', 'category']} label="信访类别" rules={[required('信访类别', '请选择')]}>
                    <Select options={options(PETITION_CATEGORY_LABELS)} placeholder="请选择" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['petition', 'collective']} label="是否集体访" valuePropName="checked" initialValue={false}>
                    <Switch checkedChildren="是" unCheckedChildren="否" />
                  </Form.Item>
                </Col>
              </Row>
            ) : (
              <Typography.Text type="secondary">未填写信访信息</Typography.Text>
            )}
          </ProCard>

          <ProCard bordered title="附件">
            <Form.Item name="attachmentIds" noStyle>
              <AttachmentUpload initial={initialAttachments} />
            </Form.Item>
          </ProCard>

          <ProCard bordered title="办理时限">
            <Form.Item name="deadline" label="办理时限" rules={[required('办理时限', '请选择')]} extra={deadlineHint ?? '选择问题分类后按其默认工作日数计算，可调整，不能早于今天'} {...dateField}>
              <DatePicker style={{ width: 240 }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} onChange={() => (deadlineChosen.current = true)} />
            </Form.Item>
          </ProCard>

          <Space>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!editable}>
              提交
            </Button>
            <Button onClick={() => navigate(-1)} disabled={false}>
              取消
            </Button>
          </Space>
        </Space>
      </Form>
      {detail && (
        <ProCard bordered title="历程" style={{ marginTop: 16 }}>
          <HistoryTimeline history={detail.history} />
        </ProCard>
      )}
    </PageContainer>
  );
}
