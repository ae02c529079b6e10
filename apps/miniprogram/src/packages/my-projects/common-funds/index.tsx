import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AreaCommonFunds, COMMON_FUND_ACCOUNT_TYPE_LABELS, CommonFundAccountType, SharedBank } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { useLoader } from '../../../hooks/useLoader';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { useSession } from '../../../session';
import { toast } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { AccountCard } from '../../common-funds/area-tab';
import { OWN_ACCOUNT_FIELDS, OwnAccountField, OwnAccountForm, ownFormOf, ownRequestOf, registrantOptions } from '../../common-funds/register-form';

interface Loaded {
  tab: AreaCommonFunds;
  banks: SharedBank[];
  areaName: string;
}

/**
 * 共有资金账户 of an own project (`?areaId=`, manual chapter 11): the accounts registered, and the
 * registration of the account the signed-in side opens — the project manager the 共管账户 (opened
 * by the company), the owners' committee the 基本账户 (opened by the owners' assembly).
 */
export default function OwnCommonFunds() {
  const areaId = intParam(useRouter().params, 'areaId');
  const loaded = useLoader(async (): Promise<Loaded> => {
    if (areaId === null) throw new Error('缺少物业项目');
    const [tab, banks, mine] = await Promise.all([api.commonFunds.areaTab(areaId), api.commonFunds.ownBanks(areaId), api.propertyAreas.mine()]);
    return { tab, banks, areaName: mine.find((a) => a.id === areaId)?.name ?? '' };
  }, [areaId]);
  return (
    <View className="page" id="own-common-funds">
      <LoadState loaded={loaded} id="own-common-funds-tab">
        {(data) => <OwnCommonFundsView data={data} onRegistered={() => void loaded.reload()} />}
      </LoadState>
    </View>
  );
}

function OwnCommonFundsView({ data, onRegistered }: { data: Loaded; onRegistered: () => void }) {
  const { tab, banks, areaName } = data;
  return (
    <>
      <Section title="已登记的共有资金账户" id="own-common-funds-accounts">
        {tab.accounts.length === 0 && <Text className="muted">{tab.shouldOpen ? '本项目应开设共有资金账户，尚未登记' : '尚未登记共有资金账户'}</Text>}
        {tab.accounts.map((a) => (
          <AccountCard key={a.id} account={a} />
        ))}
      </Section>
      {tab.ownAccountType ? (
        <RegisterForm key={tab.accounts.length} type={tab.ownAccountType} banks={banks} areaId={tab.propertyAreaId} areaName={areaName} onRegistered={onRegistered} />
      ) : (
        <Text className="muted">只有本项目的项目负责人（共管账户）或业主委员会（基本账户）可以登记</Text>
      )}
    </>
  );
}

function RegisterForm({ type, banks, areaId, areaName, onRegistered }: { type: CommonFundAccountType; banks: SharedBank[]; areaId: number; areaName: string; onRegistered: () => void }) {
  const { me } = useSession();
  const [form, setForm] = useState<OwnAccountForm>(() => ownFormOf(type, me?.name ?? '', areaName));
  const [problems, setProblems] = useState<Partial<Record<OwnAccountField, string>>>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<OwnAccountForm>, field: OwnAccountField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async () => {
    const request = ownRequestOf(form);
    if ('field' in request) {
      setProblems({ [request.field]: request.message });
      return toast(request.message);
    }
    setBusy(true);
    try {
      await api.commonFunds.registerOwn(areaId, request.body);
      toast('已登记');
      onRegistered();
    } catch (error) {
      setProblems(fieldProblems(error, OWN_ACCOUNT_FIELDS));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={`登记${COMMON_FUND_ACCOUNT_TYPE_LABELS[type]}`} id="own-common-funds-form">
      <Text className="muted">开户行须为与平台共享数据的银行；登记后区住房建设部门的统计即计为已开户</Text>
      <FieldError message={problems.accountType} />
      <View className="form-row">
        <FieldLabel required>账户号码</FieldLabel>
        <Input id="own-common-funds-accountNo" type="number" placeholder="10至30位数字" value={form.accountNo} maxLength={40} onChange={(accountNo) => change({ accountNo }, 'accountNo')} />
        <FieldError message={problems.accountNo} />
      </View>
      <View className="form-row">
        <FieldLabel required>户名</FieldLabel>
        <Input id="own-common-funds-accountName" value={form.accountName} maxLength={128} onChange={(accountName) => change({ accountName }, 'accountName')} />
        <FieldError message={problems.accountName} />
      </View>
      <SelectField
        id="own-common-funds-bank"
        label="开户行"
        placeholder="请选择共享银行"
        value={form.bankId}
        options={banks.map((b) => ({ value: b.id, label: b.name }))}
        onChange={(bankId) => change({ bankId }, 'bankId')}
        error={problems.bankId}
        required
      />
      <SelectField
        id="own-common-funds-registrantType"
        label="登记人身份"
        placeholder="请选择"
        value={form.registrantType}
        options={registrantOptions(type)}
        onChange={(registrantType) => change({ registrantType }, 'registrantType')}
        error={problems.registrantType}
        required
      />
      <View className="form-row">
        <FieldLabel required>登记人</FieldLabel>
        <Input id="own-common-funds-registrant" value={form.registrant} maxLength={32} onChange={(registrant) => change({ registrant }, 'registrant')} />
        <FieldError message={problems.registrant} />
      </View>
      <Button id="own-common-funds-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        登记
      </Button>
    </Section>
  );
}
