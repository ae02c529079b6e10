import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MeResponse, PropertyAreaDetail, RegionNode } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { useLoader } from '../../../hooks/useLoader';
import { shanghaiToday } from '../../../logic/format';
import {
  ADDRESS_MAX,
  communitiesOf,
  emptyRegistration,
  NAME_MAX,
  PERSON_NAME_MAX,
  REGISTRATION_API_FIELDS,
  RegistrationField,
  RegistrationForm,
  registrationConfirmation,
  registrationFromArea,
  registrationProblems,
  registrationRequest,
  REMARKS_MAX,
  streetsOf,
} from '../../../logic/project-forms';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { ROUTES } from '../../../routes';
import { ensureMe } from '../../../session-loader';
import { toast } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';

/**
 * 项目登记 (counterpart accounts): register a new project of the district, or (`?areaId=`) file the
 * update of an own project's registration. The district reviews it; the status is in 我的申请.
 */
export default function ProjectRegistration() {
  const areaId = intParam(useRouter().params, 'areaId');
  const loaded = useLoader(
    () => Promise.all([api.regions.tree(), ensureMe(), areaId === null ? Promise.resolve(null) : api.propertyAreas.detail(areaId)]),
    [areaId],
  );
  return (
    <View className="page" id="project-registration">
      <LoadState loaded={loaded} id="registration-options">
        {([tree, me, area]) => <RegistrationFormView tree={tree} me={me} area={area} />}
      </LoadState>
    </View>
  );
}

function RegistrationFormView({ tree, me, area }: { tree: RegionNode[]; me: MeResponse; area: PropertyAreaDetail | null }) {
  const [form, setForm] = useState<RegistrationForm>(() => (area ? registrationFromArea(area, { name: me.name, phone: me.phone }) : { ...emptyRegistration(), contactName: me.name, contactPhone: me.phone }));
  const [problems, setProblems] = useState<Partial<Record<RegistrationField, string>>>({});
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmDialog('registration-confirm');
  const streets = streetsOf(tree);
  const communities = communitiesOf(tree, form.streetId);

  const change = (patch: Partial<RegistrationForm>, field: RegistrationField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async () => {
    const found = registrationProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    if (!(await confirmation.ask(registrationConfirmation(form)))) return;
    setBusy(true);
    try {
      const filed = await api.propertyAreas.register(registrationRequest(form));
      toast(`已提交，业务单号 ${filed.businessNo}，等待区住房建设部门审核`);
      setTimeout(() => void Taro.redirectTo({ url: `${ROUTES.myProjects}?tab=applications` }), 1200);
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, REGISTRATION_API_FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  const text = (id: string, field: RegistrationField, label: string, options: { required?: boolean; placeholder: string; maxLength?: number; type?: 'text' | 'digit' | 'number' | 'tel' }) => (
    <View className="form-row">
      <FieldLabel required={options.required}>{label}</FieldLabel>
      <Input
        id={id}
        type={options.type ?? 'text'}
        placeholder={options.placeholder}
        value={String(form[field] ?? '')}
        maxLength={options.maxLength}
        onChange={(value) => change({ [field]: value } as Partial<RegistrationForm>, field)}
      />
      <FieldError message={problems[field]} />
    </View>
  );

  return (
    <>
      {area && (
        <View className="notice" id="registration-update">
          <Text>更新「{area.name}」的登记信息：审核通过后物业区域信息按本次填写更新。</Text>
        </View>
      )}
      <Section title="项目信息">
        {text('registration-name', 'name', '项目名称', { required: true, placeholder: '如 景田花园', maxLength: NAME_MAX })}
        <SelectField
          id="registration-street"
          label="所在街道"
          placeholder="请选择街道"
          value={form.streetId}
          options={streets.map((s) => ({ value: s.id, label: s.name, description: `${s.propertyAreaCount}个物业项目` }))}
          onChange={(streetId) => change({ streetId, communityId: null }, 'communityId')}
          required
          emptyText="本区暂无街道"
        />
        <SelectField
          id="registration-community"
          label="所在社区"
          placeholder={form.streetId === null ? '请先选择街道' : '请选择社区'}
          value={form.communityId}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(communityId) => change({ communityId }, 'communityId')}
          error={problems.communityId}
          disabled={form.streetId === null}
          required
          emptyText="该街道暂无社区"
        />
        {text('registration-address', 'address', '项目地址', { required: true, placeholder: '如 福田区景田路12号', maxLength: ADDRESS_MAX })}
        {text('registration-floor-area', 'floorArea', '总建筑面积（㎡）', { required: true, placeholder: '如 123456', type: 'number' })}
        {text('registration-house-count', 'houseCount', '总户数', { required: true, placeholder: '如 812', type: 'number' })}
        {text('registration-longitude', 'longitude', '经度（项目中心点）', { required: true, placeholder: '如 114.0579', type: 'text' })}
        {text('registration-latitude', 'latitude', '纬度（项目中心点）', { required: true, placeholder: '如 22.5431', type: 'text' })}
        {text('registration-developer', 'developerName', '开发建设单位（选填）', { placeholder: '开发建设单位全称', maxLength: NAME_MAX })}
        <DateField id="registration-handover" label="入伙日期（选填）" value={form.handoverDate} end={shanghaiToday()} onChange={(handoverDate) => change({ handoverDate }, 'handoverDate')} error={problems.handoverDate} />
      </Section>
      <Section title="联系人">
        {text('registration-contact', 'contactName', '联系人', { required: true, placeholder: '姓名', maxLength: PERSON_NAME_MAX })}
        {text('registration-phone', 'contactPhone', '联系电话', { required: true, placeholder: '手机号码或带区号的固定电话', type: 'tel', maxLength: 20 })}
        <View className="form-row">
          <FieldLabel>备注（选填）</FieldLabel>
          <TextArea id="registration-remarks" placeholder="需要说明的情况" value={form.remarks} maxLength={REMARKS_MAX} showCount onChange={(remarks) => change({ remarks }, 'remarks')} />
          <FieldError message={problems.remarks} />
        </View>
      </Section>
      <Button id="registration-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        提交登记
      </Button>
      {confirmation.dialog}
    </>
  );
}
