import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PARKING_COUNT_FIELDS, PARKING_DISPUTE_TYPE_LABELS, PARKING_FIELD_LABELS, ParkingAreaTab, ParkingCountField, ParkingDisputeType } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { toast } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { DISPUTE_TYPES, FilingForm, formOf, requestOf } from '../../parking/filing-form';

type Field = ParkingCountField | 'monthlyFee' | 'hourlyFee' | 'disputes';
const FIELDS: Record<string, Field> = Object.fromEntries([...PARKING_COUNT_FIELDS, 'monthlyFee', 'hourlyFee', 'disputes'].map((f) => [f, f as Field]));

/** The counts in groups as the form shows them: 车位总数 and where the spaces are, by right, the others. */
const GROUPS: Array<{ title: string; fields: ParkingCountField[] }> = [
  { title: '车位总数（地上 + 地下 + 机械 = 车位总数）', fields: ['total', 'surface', 'underground', 'mechanical'] },
  { title: '按权属（合计不超过车位总数）', fields: ['soldOwned', 'developerHeld', 'rented', 'civilDefence', 'common'] },
  { title: '其他（各不超过车位总数）', fields: ['publicOpen', 'temporary', 'evCharging', 'chargingPosts', 'accessible'] },
];

/** 车位信息填报 of an own project (`?areaId=`): starts from the current filing; a new filing supersedes it. */
export default function ParkingFiling() {
  const areaId = intParam(useRouter().params, 'areaId');
  const loaded = useLoader(() => (areaId === null ? Promise.reject(new Error('缺少物业项目')) : api.parking.areaTab(areaId)), [areaId]);
  return (
    <View className="page" id="parking-filing">
      <LoadState loaded={loaded} id="parking-filing-tab">
        {(tab) => <FilingFormView tab={tab} />}
      </LoadState>
    </View>
  );
}

function FilingFormView({ tab }: { tab: ParkingAreaTab }) {
  const [form, setForm] = useState<FilingForm>(formOf(tab.current));
  const [problems, setProblems] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const setCount = (field: ParkingCountField, value: string) => {
    setForm((f) => ({ ...f, counts: { ...f.counts, [field]: value } }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };
  const toggleDispute = (type: ParkingDisputeType) =>
    setForm((f) => {
      const disputes = { ...f.disputes };
      if (disputes[type]) delete disputes[type];
      else disputes[type] = { caseCount: '1', note: '' };
      return { ...f, disputes };
    });
  const setDispute = (type: ParkingDisputeType, patch: Partial<{ caseCount: string; note: string }>) => setForm((f) => ({ ...f, disputes: { ...f.disputes, [type]: { ...f.disputes[type]!, ...patch } } }));

  const submit = async () => {
    const request = requestOf(form);
    if ('field' in request) {
      setProblems({ [request.field]: request.message });
      return toast(request.message);
    }
    setBusy(true);
    try {
      await api.parking.file(tab.propertyAreaId, request.body);
      toast('已填报');
      setTimeout(() => void Taro.navigateBack(), 800);
    } catch (error) {
      const found = fieldProblems(error, FIELDS);
      setProblems(found);
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text className="muted" id="parking-filing-current">
        {tab.current ? `当前填报：${tab.current.filedAt.slice(0, 10)}（${tab.current.filedByName}），提交后取代当前填报` : '该项目尚未填报车位信息'} · 总户数 {tab.households}
      </Text>
      {GROUPS.map((group) => (
        <Section title={group.title} key={group.title} id={`parking-filing-${group.fields[0]}-group`}>
          {group.fields.map((field) => (
            <View className="form-row" key={field}>
              <FieldLabel required>{PARKING_FIELD_LABELS[field]}</FieldLabel>
              <Input id={`parking-filing-${field}`} type="number" placeholder="0" value={form.counts[field]} maxLength={6} onChange={(value) => setCount(field, value)} />
              <FieldError message={problems[field]} />
            </View>
          ))}
        </Section>
      ))}
      <Section title="收费标准" id="parking-filing-fees">
        {(['monthlyFee', 'hourlyFee'] as const).map((field) => (
          <View className="form-row" key={field}>
            <FieldLabel>{PARKING_FIELD_LABELS[field]}</FieldLabel>
            <Input id={`parking-filing-${field}`} type="digit" placeholder="不收费或未定可不填" value={form[field]} maxLength={9} onChange={(value) => setForm((f) => ({ ...f, [field]: value }))} />
            <FieldError message={problems[field]} />
          </View>
        ))}
      </Section>
      <Section title="车位纠纷（选择发生过的类型）" id="parking-filing-disputes">
        {DISPUTE_TYPES.map((type) => {
          const chosen = form.disputes[type];
          return (
            <View key={type} className="form-row" id={`parking-filing-dispute-${type}`}>
              <View onClick={() => toggleDispute(type)} id={`parking-filing-dispute-${type}-toggle`}>
                <Text>{chosen ? '☑' : '☐'} {PARKING_DISPUTE_TYPE_LABELS[type]}</Text>
              </View>
              {chosen && (
                <>
                  <Input id={`parking-filing-dispute-${type}-count`} type="number" placeholder="宗数" value={chosen.caseCount} maxLength={5} onChange={(caseCount) => setDispute(type, { caseCount })} />
                  <Input id={`parking-filing-dispute-${type}-note`} placeholder="情况说明（选填）" value={chosen.note} maxLength={500} onChange={(note) => setDispute(type, { note })} />
                  <FieldError message={problems[`disputes.${type}`]} />
                </>
              )}
            </View>
          );
        })}
        <FieldError message={problems.disputes} />
      </Section>
      <Button id="parking-filing-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交
      </Button>
    </>
  );
}
