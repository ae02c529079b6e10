import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NOTICE_AUDIENCE_LABELS, NoticeAudience, NoticeTypeView, RegionNode } from '@szpm/contract';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { useLoader } from '../../../hooks/useLoader';
import { emptyNoticeForm, NoticeField, noticeProblems, noticeRequest, NoticeForm, streetsOf } from '../../../logic/notice-form';
import { ROUTES, routeTo } from '../../../routes';
import { toast, toastSuccess } from '../../../utils/feedback';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';

/** 发布通知: to the district's project managers and / or owners'-committee chairs, all or by street. */
export default function PublishNotice() {
  const loaded = useLoader(() => Promise.all([api.notices.types(), api.regions.tree()]), []);
  return (
    <View className="page" id="notice-publish">
      <LoadState loaded={loaded} id="notice-options">
        {([types, regions]) => <PublishForm types={types.filter((t) => t.enabled)} regions={regions} />}
      </LoadState>
    </View>
  );
}

function PublishForm({ types, regions }: { types: NoticeTypeView[]; regions: RegionNode[] }) {
  const [form, setForm] = useState<NoticeForm>(emptyNoticeForm);
  const [problems, setProblems] = useState<Partial<Record<NoticeField, string>>>({});
  const [busy, setBusy] = useState(false);
  const streets = streetsOf(regions);
  const change = (patch: Partial<NoticeForm>, field: NoticeField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = async () => {
    const found = noticeProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    setBusy(true);
    try {
      const notice = await api.notices.publish(noticeRequest(form));
      toastSuccess('发布成功');
      setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.noticeDetail, { id: notice.id }) }), 800);
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="通知内容">
      <View className="form-row">
        <Text className="form-row__label">标题</Text>
        <Input id="notice-title" placeholder="请输入通知标题" value={form.title} maxLength={100} onChange={(title) => change({ title }, 'title')} />
        <FieldError message={problems.title} />
      </View>
      <SelectField
        id="notice-type"
        label="通知类型"
        placeholder="请选择通知类型"
        value={form.noticeTypeId}
        options={types.map((t) => ({ value: t.id, label: t.name }))}
        onChange={(noticeTypeId) => change({ noticeTypeId }, 'noticeTypeId')}
        error={problems.noticeTypeId}
      />
      <View className="form-row">
        <Text className="form-row__label">通知内容</Text>
        <TextArea id="notice-content" placeholder="请输入通知内容" value={form.content} maxLength={5000} showCount onChange={(content) => change({ content }, 'content')} />
        <FieldError message={problems.content} />
      </View>
      <Text className="form-row__label">接收对象</Text>
      <View className="choices">
        {[NoticeAudience.PROJECT_MANAGER, NoticeAudience.COMMITTEE_CHAIR].map((audience) => (
          <View
            key={audience}
            id={`notice-audience-${audience}`}
            className={`choice${form.audiences.includes(audience) ? ' choice--active' : ''}`}
            onClick={() => change({ audiences: toggle(form.audiences, audience) }, 'audiences')}
          >
            <Text>{NOTICE_AUDIENCE_LABELS[audience]}</Text>
          </View>
        ))}
      </View>
      <FieldError message={problems.audiences} />
      <Text className="form-row__label">发送范围（不选街道则发给本区全部物业项目）</Text>
      <View className="choices">
        {streets.map((street) => (
          <View
            key={street.id}
            id={`notice-street-${street.id}`}
            className={`choice${form.streetIds.includes(street.id) ? ' choice--active' : ''}`}
            onClick={() => change({ streetIds: toggle(form.streetIds, street.id) }, 'streetIds')}
          >
            <Text>{street.name}</Text>
          </View>
        ))}
      </View>
      <AttachmentPicker id="notice-attachments" onChange={(attachmentIds) => setForm((f) => ({ ...f, attachmentIds }))} />
      <Button id="notice-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        发布
      </Button>
    </Section>
  );
}
