import { PageContainer, ProCard, ProForm, ProFormGroup, ProFormList, ProFormRadio, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { ModuleKey, SAFETY_CHECK_KIND_LABELS, SafetyCheckKind, type SafetyTemplateDetail } from '@szpm/contract';
import { Alert, Form, message, Modal, Result, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { mayEditTemplate, templateFormValues, templateRequest, type TemplateFormValues } from '../../logic/inspections';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';

const EMPTY: TemplateFormValues = { name: '', kind: SafetyCheckKind.ROUTINE, description: '', indicators: [{ name: '', subItems: [{ content: '', facility: '' }] }] };

const confirmRemoval = (content: string) =>
  new Promise<boolean>((resolve) => Modal.confirm({ title: '确认删除', content, okText: '删除', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }));

/**
 * 新增 / 编辑 a template: name, kind, description, and its indicators with their sub-items (each
 * with the facility it checks). A template the account may not change opens read-only.
 */
export default function TemplateEditPage() {
  const { id } = useParams();
  const creating = id === 'new';
  const { me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<TemplateFormValues>();
  const [template, setTemplate] = useState<SafetyTemplateDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const operate = canOperate(me?.modules, ModuleKey.SAFETY_INSPECTIONS);

  useEffect(() => {
    if (creating) return;
    api.safety.template(Number(id)).then(
      (found) => {
        setTemplate(found);
        form.setFieldsValue(templateFormValues(found));
      },
      (e) => setFailure(errorMessage(e)),
    );
  }, [creating, id, form]);

  if (creating && !operate) return <Result status="403" title="无权限" subTitle="您的账号没有维护检查库的权限。" />;
  if (failure) return <Result status="warning" title="无法打开模板" subTitle={failure} />;
  if (!creating && !template) return <Skeleton active style={{ padding: 24 }} />;

  const editable = creating || (operate && template !== null && mayEditTemplate(template, { districtId: me?.districtId ?? null, city: isCityRole(me?.role) }));

  const save = async (values: TemplateFormValues) => {
    setError(null);
    try {
      const body = templateRequest(values);
      if (creating) await api.safety.createTemplate(body);
      else await api.safety.updateTemplate(template!.id, { ...body, version: template!.version });
      message.success(creating ? '模板已新增' : '模板已保存');
      navigate('/safety-inspections/templates');
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  return (
    <PageContainer
      title={creating ? '新增检查模板' : template!.name}
      tags={template ? [<Tag key="scope" color={template.districtId === null ? 'blue' : undefined}>{template.districtId === null ? '全市通用' : '本区'}</Tag>, <Tag key="v">第 {template.version} 版</Tag>] : undefined}
    >
      <ProCard>
        {!editable && <Alert type="info" showIcon message={template?.districtId === null && !isCityRole(me?.role) ? '全市通用模板由市局维护；如需调整，请在检查库中复制到本区后编辑。' : '您只能查看此模板。'} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <ProForm<TemplateFormValues>
          form={form}
          initialValues={creating ? EMPTY : undefined}
          readonly={!editable}
          layout="vertical"
          onFinish={save}
          submitter={editable ? { searchConfig: { submitText: '保存' }, resetButtonProps: false } : false}
          style={{ maxWidth: 1080 }}
        >
          <ProFormGroup>
            <ProFormText name="name" label="模板名称" width="xl" placeholder="如：物业管理区域安全生产常规检查" rules={[{ required: true, whitespace: true, message: '请输入模板名称' }, { max: 128, message: '名称不能超过128个字' }]} />
            <ProFormRadio.Group
              name="kind"
              label="检查类型"
              options={Object.values(SafetyCheckKind).map((k) => ({ value: k, label: SAFETY_CHECK_KIND_LABELS[k] }))}
              rules={[{ required: true, message: '请选择检查类型' }]}
            />
          </ProFormGroup>
          <ProFormTextArea name="description" label="说明" fieldProps={{ rows: 2, maxLength: 2000, showCount: editable }} placeholder="模板的适用范围、依据等" />
          <ProFormList
            name="indicators"
            label="检查指标"
            min={1}
            max={50}
            copyIconProps={false}
            deleteIconProps={{ tooltipText: '删除该检查指标' }}
            creatorButtonProps={editable ? { creatorButtonText: '添加检查指标' } : false}
            creatorRecord={{ name: '', subItems: [{ content: '', facility: '' }] }}
            actionGuard={{ beforeRemoveRow: () => confirmRemoval('删除该检查指标及其全部检查子项？') }}
            rules={[{ validator: async (_, rows) => (rows?.length ? undefined : Promise.reject(new Error('至少添加一个检查指标'))) }]}
            itemRender={({ listDom, action }, { index }) => (
              <ProCard bordered title={`检查指标 ${index + 1}`} extra={action} style={{ marginBottom: 12 }} size="small">
                {listDom}
              </ProCard>
            )}
          >
            <ProFormText name="name" label="指标名称" width="lg" placeholder="如：消防保卫" rules={[{ required: true, whitespace: true, message: '请输入指标名称' }, { max: 128, message: '指标名称不能超过128个字' }]} />
            <ProFormList
              name="subItems"
              label="检查子项"
              min={1}
              max={100}
              copyIconProps={false}
              deleteIconProps={{ tooltipText: '删除该检查子项' }}
              creatorButtonProps={editable ? { creatorButtonText: '添加检查子项', type: 'dashed' } : false}
              creatorRecord={{ content: '', facility: '' }}
              actionGuard={{ beforeRemoveRow: () => confirmRemoval('删除该检查子项？') }}
            >
              <ProFormGroup>
                <ProFormText name="content" label="子项内容" width="xl" placeholder="如：消防车通道畅通，标识标线清晰" rules={[{ required: true, whitespace: true, message: '请输入子项内容' }, { max: 255, message: '子项内容不能超过255个字' }]} />
                <ProFormText name="facility" label="设施设备" width="sm" placeholder="如：消防车通道（可不填）" rules={[{ max: 32, message: '设施设备不能超过32个字' }]} />
              </ProFormGroup>
            </ProFormList>
          </ProFormList>
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
