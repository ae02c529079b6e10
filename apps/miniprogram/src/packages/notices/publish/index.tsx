import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NOTICE_AUDIENCE_LABELS, NoticeAudience, NoticeTypeView, RegionNode } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { drafts, draftKey, DRAFT_RESTORED_MESSAGE } from '../../../drafts';
import { useDraft } from '../../../hooks/useDraft';
import { useLoader } from '../../../hooks/useLoader';
import {
  audienceRequest,
  emptyNoticeForm,
  NO_RECIPIENTS_MESSAGE,
  NoticeField,
  noticeProblems,
  noticeRequest,
  NoticeForm,
  publishConfirmation,
  publishedMessage,
  streetsOf,
} from '../../../logic/notice-form';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { ROUTES, routeTo } from '../../../routes';
import { ensureMe } from '../../../session-loader';
import { toast } from '../../../utils/feedback';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';

/** 发布通知: to the district's project managers and / or owners'-committee chairs, all or by street. */
export default function PublishNotice() {
  // the account: drafts are kept per account
  const loaded = useLoader(() => Promise.all([api.notices.types(), api.regions.tree(), ensureMe()]), []);
  return (
    <View className="page" id="notice-publish">
      <LoadState loaded={loaded} id="notice-options">
        {([types, regions, me]) => <PublishForm types={types.filter((t) => t.enabled)} regions={regions} accountId={me.id} />}
      </LoadState>
    </View>
  );
}

/** Uploads are not kept in a draft (the picker starts empty again). */
const keptNotice = (form: NoticeForm): NoticeForm => ({ ...form, attachmentIds: [] });

/** The api's field names (its `details`) → the form's fields. */
const NOTICE_API_FIELDS: Readonly<Record<string, NoticeField>> = {
  title: 'title',
  noticeTypeId: 'noticeTypeId',
  content: 'content',
  audiences: 'audiences',
  streetIds: 'streetIds',
};

function PublishForm({ types, regions, accountId }: { types: NoticeTypeView[]; regions: RegionNode[]; accountId: number }) {
  const draft = useDraft<NoticeForm>(drafts, draftKey('notice-publish', accountId), emptyNoticeForm(), keptNotice);
  const { value: form, setValue: setForm } = draft;
  useEffect(() => {
    if (draft.restored) toast(DRAFT_RESTORED_MESSAGE);
  }, [draft.restored]);
  const confirmation = useConfirmDialog('notice-confirm');
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
      // the number of recipients is the server's, for exactly this choice
      const words = publishConfirmation(await api.notices.audience(audienceRequest(form)));
      if (!words) return toast(NO_RECIPIENTS_MESSAGE);
      setBusy(false);
      if (!(await confirmation.ask(words))) return;
      setBusy(true);
      const notice = await api.notices.publish(noticeRequest(form));
      draft.discard();
      toast(publishedMessage(notice.recipients));
      setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.noticeDetail, { id: notice.id }) }), 800);
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, NOTICE_API_FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="通知内容">
      <View className="form-row">
        <FieldLabel required>标题</FieldLabel>
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
        required
      />
      <View className="form-row">
        <FieldLabel required>通知内容</FieldLabel>
        <TextArea id="notice-content" placeholder="请输入通知内容" value={form.content} maxLength={5000} showCount onChange={(content) => change({ content }, 'content')} />
        <FieldError message={problems.content} />
      </View>
      <FieldLabel required>接收对象</FieldLabel>
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
      {confirmation.dialog}
    </Section>
  );
}
