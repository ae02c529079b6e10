import { PageContainer, ProCard, ProForm, ProFormDatePicker, ProFormRadio, ProFormSelect, ProFormText, ProFormTextArea, ProTable, type ProColumns } from '@ant-design/pro-components';
import { ModuleKey, type RegionNode, type SafetyAreaCandidate, type SafetyTemplateListItem } from '@szpm/contract';
import { Alert, Form, message, Modal, Result, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { districtAreaCount, launchConfirmation, launchRequest, type LaunchFormValues } from '../../logic/inspections';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { pagedRequest } from '../../list-table';

interface CandidateFilters {
  districtId?: number;
  streetId?: number;
  communityId?: number;
  search?: string;
}

/** 发起安全检查: a template of the library to every property area of the district, or to those chosen, with a deadline. */
export default function LaunchInspectionPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LaunchFormValues>();
  const [templates, setTemplates] = useState<SafetyTemplateListItem[]>([]);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const city = isCityRole(me?.role);
  const districtId = Form.useWatch('districtId', form) as number | undefined;
  const range = Form.useWatch('range', form) as LaunchFormValues['range'] | undefined;
  const templateId = Form.useWatch('templateId', form) as number | undefined;

  useEffect(() => {
    api.safety.templates().then(setTemplates, (e) => message.error(errorMessage(e)));
    api.regions.tree().then(setRegions, (e) => message.error(errorMessage(e)));
  }, []);
  // a district account's tree is its own district; a city account's the chosen one
  const district = useMemo(() => (city ? regions.find((r) => r.id === districtId) : regions.find((r) => r.level === 'DISTRICT')), [city, regions, districtId]);
  const streets = district?.children ?? [];
  useEffect(() => setChosen([]), [districtId]);

  if (!canOperate(me?.modules, ModuleKey.SAFETY_INSPECTIONS)) return <Result status="403" title="无权限" subTitle="您的账号可以查看安全检查，但没有发起安全检查的权限。" />;

  const submit = async (values: LaunchFormValues) => {
    setError(null);
    const areas = values.range === 'chosen' ? chosen.length : districtAreaCount(regions, city ? values.districtId : undefined);
    if (values.range === 'chosen' && !chosen.length) {
      setError('请在下方列表中勾选要检查的物业项目');
      return false;
    }
    const words = launchConfirmation(areas, values.deadline);
    if (!words) {
      setError('所选范围内没有物业项目');
      return false;
    }
    const confirmed = await new Promise<boolean>((resolve) => Modal.confirm({ title: '确认发起安全检查', content: words, okText: '发起', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }));
    if (!confirmed) return false;
    try {
      const inspection = await api.safety.launch(launchRequest(values, chosen));
      message.success(`发起成功，${inspection.targets} 个物业项目的项目负责人已收到检查通知`);
      navigate(`/safety-inspections/list/${inspection.id}`);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  const candidateColumns: ProColumns<SafetyAreaCandidate>[] = [
    { title: '街道', dataIndex: 'streetId', valueType: 'select', hideInTable: true, fieldProps: { options: streets.map((s) => ({ value: s.id, label: s.name })) } },
    {
      title: '社区',
      dataIndex: 'communityId',
      valueType: 'select',
      hideInTable: true,
      dependencies: ['streetId'],
      fieldProps: (f) => ({ options: (streets.find((s) => s.id === f.getFieldValue('streetId'))?.children ?? streets.flatMap((s) => s.children ?? [])).map((c) => ({ value: c.id, label: c.name })) }),
    },
    { title: '项目名称或编号', dataIndex: 'search', hideInTable: true },
    { title: '物业项目', dataIndex: 'propertyAreaName', search: false, width: 220 },
    { title: '项目编号', dataIndex: 'propertyAreaCode', search: false, width: 140 },
    { title: '街道', dataIndex: 'streetName', search: false, width: 120 },
    { title: '社区', dataIndex: 'communityName', search: false, width: 140 },
    { title: '物业服务企业', dataIndex: 'companyName', search: false, width: 240, render: (_, row) => row.companyName ?? '-' },
    { title: '项目负责人', dataIndex: 'projectManagerName', search: false, width: 110, render: (_, row) => row.projectManagerName ?? '-' },
  ];

  const selected = templates.find((t) => t.id === templateId);
  const presetTemplate = Number(params.get('templateId')) || undefined;

  return (
    <PageContainer title="发起安全检查">
      <ProCard>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16, maxWidth: 880 }} />}
        <ProForm<LaunchFormValues>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '110px' }}
          initialValues={{ range: 'all', templateId: presetTemplate }}
          onFinish={submit}
          submitter={{ searchConfig: { submitText: '发起', resetText: '重置' }, onReset: () => setChosen([]) }}
        >
          <div style={{ maxWidth: 880 }}>
            <ProFormSelect
              name="templateId"
              label="检查模板"
              placeholder="请选择检查库中的模板"
              showSearch
              options={templates.map((t) => ({ value: t.id, label: `${t.name}（${t.kindLabel}，${t.indicatorCount}项指标 ${t.subItemCount}个子项${t.districtId === null ? '，全市通用' : ''}）` }))}
              rules={[{ required: true, message: '请选择检查模板' }]}
            />
            <ProFormText name="title" label="检查标题" placeholder={selected?.name ?? '不填则为模板名称'} rules={[{ max: 128, message: '标题不能超过128个字' }]} />
            <ProFormDatePicker
              name="deadline"
              label="截止日期"
              width="md"
              fieldProps={{ format: 'YYYY-MM-DD', disabledDate: (d: dayjs.Dayjs) => d.isBefore(dayjs().startOf('day')) }}
              transform={(value: string) => ({ deadline: dayjs(value).format('YYYY-MM-DD') })}
              rules={[{ required: true, message: '请选择截止日期' }]}
            />
            <ProFormTextArea name="instructions" label="检查说明" placeholder="如：请对照检查项逐项自查，不合格项须拍照并说明整改措施。" fieldProps={{ rows: 3, maxLength: 5000, showCount: true }} />
            {city && (
              <ProFormSelect
                name="districtId"
                label="行政区"
                placeholder="市局发起须指定行政区"
                options={regions.filter((r) => r.level === 'DISTRICT').map((r) => ({ value: r.id, label: `${r.name}（${r.propertyAreaCount}个项目）` }))}
                rules={[{ required: true, message: '请选择行政区' }]}
              />
            )}
            <ProFormRadio.Group
              name="range"
              label="检查范围"
              options={[
                { value: 'all', label: `${city ? '该区' : '本区'}全部物业项目${district ? `（${district.propertyAreaCount}个）` : ''}` },
                { value: 'chosen', label: '指定物业项目' },
              ]}
            />
          </div>
          {range === 'chosen' && (!city || districtId) ? (
            <ProTable<SafetyAreaCandidate, CandidateFilters>
              headerTitle={<Typography.Text>已选 {chosen.length} 个物业项目</Typography.Text>}
              rowKey="propertyAreaId"
              columns={candidateColumns}
              params={{ districtId }}
              rowSelection={{ selectedRowKeys: chosen, preserveSelectedRowKeys: true, onChange: (keys) => setChosen(keys.map(Number)) }}
              tableAlertRender={false}
              scroll={{ x: 'max-content' }}
              search={{ labelWidth: 'auto', defaultCollapsed: false }}
              options={false}
              // inside the launch form: its search form renders as a div, not a nested <form>
              form={{ component: 'div' }}
              pagination={{ defaultPageSize: 10, showSizeChanger: true }}
              request={pagedRequest(async ({ current, pageSize, streetId, communityId, search }) => {
                return api.safety.areaCandidates({
                  page: current,
                  pageSize,
                  districtId: city ? districtId : undefined,
                  streetId: streetId ? Number(streetId) : undefined,
                  communityId: communityId ? Number(communityId) : undefined,
                  search: search || undefined,
                });
              })}
            />
          ) : null}
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
