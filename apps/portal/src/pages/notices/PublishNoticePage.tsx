import { UploadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProForm, ProFormCheckbox, ProFormSelect, ProFormText, ProFormTextArea, ProFormTreeSelect } from '@ant-design/pro-components';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_MAX_BYTES, ModuleKey, type NoticeTypeView, type RegionNode, type UploadedAttachment } from '@szpm/contract';
import { Alert, Button, Form, message, Modal, Result, TreeSelect, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../api';
import { audienceOptions, canOperate, isCityRole, publishConfirmation, publishRequest, scopeRequest, scopeTree, type NoticeFormValues } from '../../logic/notices';
import { useSession } from '../../session';
import { uploadFile } from '../../transfer';

const ACCEPT = Object.keys(ATTACHMENT_CONTENT_TYPES).map((ext) => `.${ext}`).join(',');

/** 发布通知 (chapter 15, PC): title, type, 接收对象 and 发送范围, content, attachments; confirmed with the server's recipient count. */
export default function PublishNoticePage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<NoticeFormValues>();
  const [types, setTypes] = useState<NoticeTypeView[]>([]);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [files, setFiles] = useState<UploadFile<UploadedAttachment>[]>([]);
  const [error, setError] = useState<string | null>(null);
  const city = isCityRole(me?.role);

  useEffect(() => {
    api.notices.types().then(setTypes, (e) => message.error(errorMessage(e)));
    api.regions.tree().then(setRegions, (e) => message.error(errorMessage(e)));
  }, []);
  const tree = useMemo(() => scopeTree(regions), [regions]);

  if (!canOperate(me?.modules, ModuleKey.NOTICES)) return <Result status="403" title="无权限" subTitle="您的账号可以查看通知，但没有发布通知的权限。" />;

  const uploading = files.some((f) => f.status === 'uploading');
  const attachmentIds = files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);

  const submit = async (values: NoticeFormValues) => {
    setError(null);
    if (uploading) {
      message.warning('附件正在上传，请稍候');
      return false;
    }
    try {
      // the number of recipients is the server's, for exactly this choice
      const count = await api.notices.audience({ audiences: values.audiences, ...scopeRequest(values.scope) });
      const words = publishConfirmation(count);
      if (!words) {
        setError('所选范围内没有可接收通知的账号，请调整接收对象或范围');
        return false;
      }
      const confirmed = await new Promise<boolean>((resolve) =>
        Modal.confirm({ title: '确认发布通知', content: words, okText: '发布', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }),
      );
      if (!confirmed) return false;
      const notice = await api.notices.publish(publishRequest(values, attachmentIds));
      message.success(`发布成功，已发送给 ${notice.recipients} 人`);
      navigate(`/notices/sent/${notice.id}`);
      return true;
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = e.fieldErrors();
        form.setFields(Object.entries(fields).filter(([name]) => ['title', 'noticeTypeId', 'content', 'audiences'].includes(name)).map(([name, text]) => ({ name: name as keyof NoticeFormValues, errors: [text] })));
      }
      setError(errorMessage(e));
      return false;
    }
  };

  return (
    <PageContainer title="发布通知">
      <ProCard>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16, maxWidth: 880 }} />}
        <ProForm<NoticeFormValues>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '110px' }}
          style={{ maxWidth: 880 }}
          onFinish={submit}
          submitter={{ searchConfig: { submitText: '发布', resetText: '重置' }, submitButtonProps: { disabled: uploading } }}
        >
          <ProFormText name="title" label="标题" placeholder="请输入通知标题" rules={[{ required: true, whitespace: true, message: '请输入通知标题' }, { max: 128, message: '标题不能超过128个字' }]} />
          <ProFormSelect
            name="noticeTypeId"
            label="通知类型"
            placeholder="请选择通知类型"
            options={types.filter((t) => t.enabled).map((t) => ({ value: t.id, label: t.name }))}
            rules={[{ required: true, message: '请选择通知类型' }]}
          />
          <ProFormCheckbox.Group name="audiences" label="接收对象" options={audienceOptions(me?.role)} rules={[{ required: true, message: '请选择接收对象' }]} />
          <ProFormTreeSelect
            name="scope"
            label="发送范围"
            placeholder={city ? '不选则发给全市' : '不选则发给本区全部物业项目'}
            extra={city ? '可选行政区、街道或社区；不选则发给全市。' : '可选街道或社区；不选则发给本区全部物业项目。'}
            fieldProps={{ treeData: tree, treeCheckable: true, showCheckedStrategy: TreeSelect.SHOW_PARENT, treeNodeFilterProp: 'title', showSearch: true, allowClear: true, maxTagCount: 8, 'aria-label': '发送范围' }}
          />
          <ProFormTextArea
            name="content"
            label="通知内容"
            placeholder="请输入通知内容"
            fieldProps={{ rows: 8, showCount: true, maxLength: 10000 }}
            rules={[{ required: true, whitespace: true, message: '请输入通知内容' }]}
          />
          <Form.Item label="附件" extra={`最多20个，每个不超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB（图片、PDF、Office 文档）`}>
            <Upload<UploadedAttachment>
              accept={ACCEPT}
              multiple
              fileList={files}
              maxCount={20}
              beforeUpload={(file) => {
                if (file.size > ATTACHMENT_MAX_BYTES) {
                  message.error(`${file.name} 超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB`);
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              customRequest={({ file, onSuccess, onError }) => {
                uploadFile<UploadedAttachment>('/attachments', file as File).then(
                  (uploaded) => onSuccess?.(uploaded),
                  (e) => {
                    message.error(errorMessage(e));
                    onError?.(e as Error);
                  },
                );
              }}
              onChange={({ fileList }) => setFiles(fileList.filter((f) => f.status !== 'error'))}
            >
              <Button icon={<UploadOutlined />}>上传附件</Button>
            </Upload>
          </Form.Item>
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
