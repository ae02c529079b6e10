import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  CERTIFICATE_TYPE_LABELS,
  CertificateType,
  PRACTITIONER_GENDER_LABELS,
  PRACTITIONER_POSITION_LABELS,
  PractitionerGender,
  PractitionerItem,
  PractitionerPosition,
  PractitionerStatus,
} from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../../api';
import { DateField } from '../../../../components/DateField';
import { FieldLabel } from '../../../../components/FieldLabel';
import { FieldError, Section } from '../../../../components/InfoRows';
import { LoadState } from '../../../../components/LoadState';
import { SelectField } from '../../../../components/SelectField';
import { useLoader } from '../../../../hooks/useLoader';
import { shanghaiToday } from '../../../../logic/format';
import { actionFailureMessage, fieldProblems } from '../../../../logic/session-ended';
import { toast } from '../../../../utils/feedback';
import { intParam } from '../../../../utils/navigation';
import { Button } from '../../../../ui/button';
import { Input } from '../../../../ui/input';

type Field = 'name' | 'gender' | 'idNumber' | 'phone' | 'position' | 'hiredAt' | 'education';
interface Form {
  name: string;
  gender: PractitionerGender | null;
  idNumber: string;
  phone: string;
  position: PractitionerPosition | null;
  hiredAt: string;
  isPartyMember: boolean;
  education: string;
}
interface CertificateForm {
  type: CertificateType | null;
  certNo: string;
  issuedAt: string;
  expiresAt: string;
}

const FIELDS: Record<string, Field> = { name: 'name', gender: 'gender', idNumber: 'idNumber', phone: 'phone', position: 'position', hiredAt: 'hiredAt', education: 'education' };
const options = <V extends string>(labels: Record<V, string>) => (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

const formOf = (p: PractitionerItem | null): Form =>
  p
    ? { name: p.name, gender: p.gender, idNumber: p.idNumber, phone: p.phone, position: p.position, hiredAt: p.hiredAt, isPartyMember: p.isPartyMember, education: p.education ?? '' }
    : { name: '', gender: null, idNumber: '', phone: '', position: null, hiredAt: '', isPartyMember: false, education: '' };

/** What the form lacks before it is sent (the api checks the rest and names the field). */
function problemsOf(form: Form): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!form.name.trim()) problems.name = '请填写姓名';
  if (!form.gender) problems.gender = '请选择性别';
  if (!/^\d{17}[\dXx]$/.test(form.idNumber.trim())) problems.idNumber = '请填写18位身份证号码';
  if (!/^1[3-9]\d{9}$/.test(form.phone)) problems.phone = '请填写11位手机号码';
  if (!form.position) problems.position = '请选择岗位';
  if (!form.hiredAt) problems.hiredAt = '请选择入职日期';
  return problems;
}

/** 添加 / 修改 a practitioner of an own project (`?areaId=`, `?id=` to edit): 基本信息, 证书 (添加 / 删除), 标记离职. */
export default function RosterEdit() {
  const params = useRouter().params;
  const areaId = intParam(params, 'areaId');
  const id = intParam(params, 'id');
  // wrapped: LoadState waits while its data is null, and a new person has none to load
  const loaded = useLoader(async () => ({ person: id === null ? null : await api.practitioners.detail(id) }), [id]);
  return (
    <View className="page" id="roster-edit">
      <LoadState loaded={loaded} id="roster-edit-person">
        {({ person }) => <EditForm areaId={areaId} initial={person} />}
      </LoadState>
    </View>
  );
}

function EditForm({ areaId, initial }: { areaId: number | null; initial: PractitionerItem | null }) {
  const [person, setPerson] = useState<PractitionerItem | null>(initial);
  const [form, setForm] = useState<Form>(formOf(initial));
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [certificate, setCertificate] = useState<CertificateForm>({ type: null, certNo: '', issuedAt: '', expiresAt: '' });
  const [certificateProblem, setCertificateProblem] = useState<string | undefined>();
  const [leftAt, setLeftAt] = useState(shanghaiToday());
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<Form>, field?: Field) => {
    setForm((f) => ({ ...f, ...patch }));
    if (field) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const run = async (action: () => Promise<PractitionerItem>, done: string) => {
    setBusy(true);
    try {
      const saved = await action();
      setPerson(saved);
      setForm(formOf(saved));
      toast(done);
      return true;
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const found = problemsOf(form);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    const body = { name: form.name.trim(), gender: form.gender!, idNumber: form.idNumber.trim().toUpperCase(), phone: form.phone, position: form.position!, hiredAt: form.hiredAt, isPartyMember: form.isPartyMember, education: form.education.trim() || null };
    if (person) await run(() => api.practitioners.update(person.id, body), '已保存');
    else if (areaId !== null && (await run(() => api.practitioners.add(areaId, body), '已添加'))) setTimeout(() => void Taro.navigateBack(), 800);
  };

  const addCertificate = async () => {
    if (!person) return;
    if (!certificate.type || !certificate.certNo.trim() || !certificate.issuedAt || !certificate.expiresAt) return setCertificateProblem('请填写证书类型、编号、发证日期和有效期至');
    if (certificate.expiresAt < certificate.issuedAt) return setCertificateProblem('有效期至不能早于发证日期');
    setCertificateProblem(undefined);
    if (await run(() => api.practitioners.addCertificate(person.id, { type: certificate.type!, certNo: certificate.certNo.trim(), issuedAt: certificate.issuedAt, expiresAt: certificate.expiresAt }), '已添加证书')) {
      setCertificate({ type: null, certNo: '', issuedAt: '', expiresAt: '' });
    }
  };

  const text = (field: 'name' | 'idNumber' | 'phone' | 'education', label: string, placeholder: string, extra: { maxLength?: number; type?: 'text' | 'tel' | 'idcard'; required?: boolean } = {}) => (
    <View className="form-row">
      <FieldLabel required={extra.required}>{label}</FieldLabel>
      <Input id={`roster-edit-${field}`} type={extra.type ?? 'text'} placeholder={placeholder} value={form[field]} maxLength={extra.maxLength} onChange={(value) => change({ [field]: value } as Partial<Form>, field)} />
      <FieldError message={problems[field]} />
    </View>
  );

  const left = person?.status === PractitionerStatus.LEFT;
  return (
    <>
      <Section title={person ? `${person.name}（${person.statusLabel}）` : '添加从业人员'} id="roster-edit-basic">
        {text('name', '姓名', '姓名', { maxLength: 32, required: true })}
        <SelectField id="roster-edit-gender" label="性别" placeholder="请选择" value={form.gender} options={options(PRACTITIONER_GENDER_LABELS)} onChange={(gender) => change({ gender }, 'gender')} error={problems.gender} required />
        {text('idNumber', '身份证号码', '18位居民身份证号码', { maxLength: 18, type: 'idcard', required: true })}
        {text('phone', '联系电话', '11位手机号码', { maxLength: 11, type: 'tel', required: true })}
        <SelectField id="roster-edit-position" label="岗位" placeholder="请选择" value={form.position} options={options(PRACTITIONER_POSITION_LABELS)} onChange={(position) => change({ position }, 'position')} error={problems.position} required />
        <DateField id="roster-edit-hired" label="入职日期" value={form.hiredAt} end={shanghaiToday()} onChange={(hiredAt) => change({ hiredAt }, 'hiredAt')} error={problems.hiredAt} required />
        {text('education', '学历（选填）', '如 大专', { maxLength: 16 })}
        <View className="form-row" id="roster-edit-party" onClick={() => change({ isPartyMember: !form.isPartyMember })}>
          <FieldLabel>党员</FieldLabel>
          <Text>{form.isPartyMember ? '是（点击改为否）' : '否（点击改为是）'}</Text>
        </View>
        {!left && (
          <Button id="roster-edit-save" type="primary" block loading={busy} onClick={() => void save()}>
            {person ? '保存修改' : '添加'}
          </Button>
        )}
      </Section>
      {person && (
        <Section title="证书" id="roster-edit-certificates">
          {person.certificates.length === 0 && <Text className="muted">暂无证书</Text>}
          {person.certificates.map((c) => (
            <View key={c.id} className="card" id={`roster-certificate-${c.id}`}>
              <Text>
                {c.typeLabel} {c.certNo}
              </Text>
              <Text className="muted">
                {c.issuedAt} 至 {c.expiresAt}（{c.stateLabel}）
              </Text>
              {!left && (
                <Button id={`roster-certificate-${c.id}-remove`} size="small" fill="outline" onClick={() => void run(() => api.practitioners.removeCertificate(person.id, c.id), '已删除证书')}>
                  删除
                </Button>
              )}
            </View>
          ))}
          {!left && (
            <>
              <SelectField id="roster-certificate-type" label="证书类型" placeholder="请选择" value={certificate.type} options={options(CERTIFICATE_TYPE_LABELS)} onChange={(type) => setCertificate((c) => ({ ...c, type }))} />
              <View className="form-row">
                <FieldLabel>证书编号</FieldLabel>
                <Input id="roster-certificate-no" placeholder="证书编号" value={certificate.certNo} maxLength={64} onChange={(certNo) => setCertificate((c) => ({ ...c, certNo }))} />
              </View>
              <DateField id="roster-certificate-issued" label="发证日期" value={certificate.issuedAt} onChange={(issuedAt) => setCertificate((c) => ({ ...c, issuedAt }))} />
              <DateField id="roster-certificate-expires" label="有效期至" value={certificate.expiresAt} onChange={(expiresAt) => setCertificate((c) => ({ ...c, expiresAt }))} error={certificateProblem} />
              <Button id="roster-certificate-add" block fill="outline" loading={busy} onClick={() => void addCertificate()}>
                添加证书
              </Button>
            </>
          )}
        </Section>
      )}
      {person && !left && (
        <Section title="标记离职" id="roster-edit-leave">
          <DateField id="roster-edit-left" label="离职日期" value={leftAt} start={person.hiredAt} end={shanghaiToday()} onChange={setLeftAt} />
          <Button id="roster-edit-leave-submit" block type="danger" loading={busy} onClick={() => void run(() => api.practitioners.leave(person.id, leftAt), '已标记离职')}>
            标记离职
          </Button>
        </Section>
      )}
    </>
  );
}
