/** Pieces the chapter pages share: attachment upload and list, the subject picker, the operate-grant check. */
import { UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_MAX_BYTES, GrantAction, ModuleKey, type AttachmentRef, type EvaluationSubjectType, type EvaluationSubjectView, type UploadedAttachment } from '@szpm/contract';
import { Button, message, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { useSession } from '../../session';
import { downloadFile, uploadFile } from '../../transfer';

const ACCEPT = Object.keys(ATTACHMENT_CONTENT_TYPES).map((ext) => `.${ext}`).join(',');
const MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;
const NO_ATTACHMENTS: readonly AttachmentRef[] = [];

/**
 * 附件 as a form control (value / onChange: the ids): each picked file is uploaded at once (POST
 * /api/attachments) and its id handed to the form; a removed file is dropped from the ids. `initial`
 * lists a form's attachments already kept (修改), removable too.
 */
export function AttachmentUpload({ id, value, onChange, initial = NO_ATTACHMENTS }: { id?: string; value?: number[]; onChange?: (ids: number[]) => void; initial?: readonly AttachmentRef[] }) {
  const [files, setFiles] = useState<UploadFile<UploadedAttachment>[]>([]);
  useEffect(() => {
    setFiles(initial.map((a) => ({ uid: `kept-${a.id}`, name: a.fileName, status: 'done', response: { id: a.id, fileName: a.fileName } as UploadedAttachment })));
  }, [initial]);
  const ids = (list: UploadFile<UploadedAttachment>[]) => list.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
  useEffect(() => {
    // the form was reset: forget the files too
    if (!value?.length && files.some((f) => f.status === 'done' && !f.uid.startsWith('kept-'))) setFiles([]);
  }, [value]);

  return (
    <Upload<UploadedAttachment>
      accept={ACCEPT}
      multiple
      fileList={files}
      beforeUpload={(file) => {
        if (file.size > ATTACHMENT_MAX_BYTES) {
          message.error(`“${file.name}”超过 ${MAX_MB} MB，不能上传`);
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
      onChange={({ fileList }) => {
        const kept = fileList.filter((f) => f.status !== 'error');
        setFiles(kept);
        onChange?.(ids(kept));
      }}
    >
      <Button id={id} icon={<UploadOutlined />}>
        上传附件
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        图片、PDF、Word、Excel、PPT，每个不超过 {MAX_MB} MB
      </Typography.Text>
    </Upload>
  );
}

/** A form's or record's attachments, each downloaded under its own name. */
export function AttachmentLinks({ attachments }: { attachments: readonly AttachmentRef[] }) {
  if (!attachments.length) return <>无</>;
  return (
    <Space wrap>
      {attachments.map((a) => (
        <Button
          key={a.id}
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => void downloadFile(`/attachments/${a.id}`, {}, a.fileName).catch((e) => message.error(errorMessage(e)))}
        >
          {a.fileName}
        </Button>
      ))}
    </Space>
  );
}

/**
 * 评价对象: the district's companies or project managers (GET /api/service-evaluation/subjects),
 * searched by name as typed. Tells the form the chosen subject (its name goes into the confirmation).
 */
export function SubjectSelect({
  id,
  subjectType,
  value,
  onChange,
  onPicked,
  initialName,
}: {
  id?: string;
  subjectType: EvaluationSubjectType;
  value?: number;
  onChange?: (subjectId: number | undefined) => void;
  onPicked?: (subject: EvaluationSubjectView | undefined) => void;
  /** the name of a subject already chosen (a returned form), shown before any search */
  initialName?: string;
}) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<EvaluationSubjectView[]>([]);
  const [loading, setLoading] = useState(false);
  const seen = useRef(new Map<number, EvaluationSubjectView>());

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api.evaluation
        .subjects({ subjectType, search: search.trim() || undefined, pageSize: 20 })
        .then((page) => {
          if (!current) return;
          page.items.forEach((s) => seen.current.set(s.subjectId, s));
          setOptions(page.items);
        })
        .catch((e) => current && message.error(errorMessage(e)))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [subjectType, search]);

  const choices = useMemo(() => {
    const list = options.map((s) => ({ value: s.subjectId, label: s.companyName ? `${s.name}（${s.companyName}）` : s.name, title: s.identifier }));
    if (value !== undefined && !options.some((s) => s.subjectId === value)) {
      const known = seen.current.get(value);
      list.unshift({ value, label: known?.name ?? initialName ?? String(value), title: known?.identifier ?? '' });
    }
    return list;
  }, [options, value, initialName]);

  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      placeholder="输入名称搜索本区的评价对象"
      filterOption={false}
      onSearch={setSearch}
      loading={loading}
      options={choices}
      notFoundContent={loading ? '加载中…' : '没有符合条件的评价对象'}
      onChange={(next: number | undefined) => {
        onChange?.(next);
        onPicked?.(next === undefined ? undefined : seen.current.get(next));
      }}
    />
  );
}

/** Whether the signed-in account may enter and handle chapter 7 forms (物业服务评价 操作权限). */
export function useCanOperate(): boolean {
  const { me } = useSession();
  return (me?.modules ?? []).some((m) => m.module === ModuleKey.SERVICE_EVALUATION && m.actions.includes(GrantAction.OPERATE));
}
