import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EvaluationTarget, OwnerHouseBinding, OwnerMe } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { ownerApi } from '../../api/owner';
import { useConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyArt } from '../../components/EmptyArt';
import { Section } from '../../components/InfoRows';
import { ownerSignInMode } from '../../logic/owner-sign-in';
import { lastDevOwnerOpenid, ownerDevSignIn, ownerMiniSignIn, ownerOauthAuthorize, ownerSession, ownerSignOut, resumeOwnerSession, useOwner } from '../../owner-session';
import { ROUTES } from '../../routes';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { toast, toastSuccess } from '../../utils/feedback';
import { go } from '../../utils/navigation';
import './owner.scss';

type Entry = { kind: 'loading' } | { kind: 'signed-in' } | { kind: 'dev' } | { kind: 'open-in-wechat' } | { kind: 'failed'; message: string };

/**
 * 我的小区 (chapter 1, owners): the owner signs in with the WeChat identity alone, then sees the bound
 * houses with 业主评价 for each, 业主身份绑定 for another house, 我的评价 with the replies and 业主投票.
 */
export default function OwnerHome() {
  const owner = useOwner();
  const [entry, setEntry] = useState<Entry>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void signIn()
      .then(setEntry)
      .catch((error) => setEntry({ kind: 'failed', message: errorMessage(error) }));
  }, [attempt]);

  // back from binding or evaluating: the bindings (and this month's state) may have changed
  useDidShow(() => {
    if (ownerSession.get()) void ownerApi.me().then(ownerSession.set, () => undefined);
  });

  if (entry.kind === 'loading') return <Loading type="spinner">正在进入我的小区…</Loading>;
  if (entry.kind === 'failed')
    return (
      <View className="page page--center" id="owner-error">
        <Text className="state-box__text">{entry.message}</Text>
        <Button id="owner-retry" type="primary" onClick={() => setAttempt((n) => n + 1)}>
          重新进入
        </Button>
      </View>
    );
  if (entry.kind === 'open-in-wechat')
    return (
      <View className="page page--center" id="owner-open-in-wechat">
        <Text className="state-box__text">请在微信中打开“深圳物业”公众号，进入我的小区</Text>
      </View>
    );
  if (entry.kind === 'dev' || !owner) return <DevSignIn onSignedIn={() => setEntry({ kind: 'signed-in' })} />;
  return <Houses owner={owner} onSignedOut={() => setEntry({ kind: 'dev' })} />;
}

async function signIn(): Promise<Entry> {
  if (await resumeOwnerSession()) return { kind: 'signed-in' };
  const mode = ownerSignInMode(process.env.TARO_ENV ?? '', typeof navigator === 'undefined' ? '' : navigator.userAgent);
  if (mode.kind === 'mini') {
    await ownerMiniSignIn();
    return { kind: 'signed-in' };
  }
  if (mode.kind === 'oa-authorize') {
    await ownerOauthAuthorize();
    return { kind: 'loading' };
  }
  const dev = await api.identity.devWechatStatus().catch(() => ({ enabled: false }));
  return dev.enabled ? { kind: 'dev' } : { kind: 'open-in-wechat' };
}

/** Embedded mode has no WeChat: a local openid (a demo owner's, the last one, or a new one) stands in. */
function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [openid, setOpenid] = useState(lastDevOwnerOpenid);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await ownerDevSignIn(openid.trim());
      onSignedIn();
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page" id="owner-dev-sign-in">
      <View className="brand">
        <Text className="brand__title">我的小区</Text>
        <Text className="brand__subtitle">业主服务</Text>
      </View>
      <View className="card">
        <Text className="form-row__label">开发环境（嵌入模式）</Text>
        <Text className="muted">本机没有微信：用本地微信身份登录。演示业主的身份见 README；留空则使用新的身份。</Text>
        <View className="form-row">
          <Input id="owner-dev-openid" placeholder="dev-…（可留空）" value={openid} onChange={setOpenid} clearable />
        </View>
        <Button id="owner-dev-sign-in-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          以业主身份登录
        </Button>
      </View>
    </View>
  );
}

function Houses({ owner, onSignedOut }: { owner: OwnerMe; onSignedOut: () => void }) {
  const { ask, dialog } = useConfirmDialog('owner-unbind');
  const unbind = async (binding: OwnerHouseBinding) => {
    const ok = await ask({ title: '解除绑定', content: `解除后将不能再以业主身份评价 ${binding.propertyAreaName} ${binding.houseLabel}，可随时重新绑定。`, confirmText: '解除绑定' });
    if (!ok) return;
    try {
      ownerSession.set(await ownerApi.unbind(binding.bindingId));
      toastSuccess('已解除绑定');
    } catch (error) {
      toast(errorMessage(error));
    }
  };
  return (
    <View className="page" id="owner-home">
      <Section title="我的房屋" id="owner-houses" extra={<Text className="link" id="owner-bind-more" onClick={() => go(ROUTES.ownerBind)}>业主身份绑定</Text>}>
        {owner.bindings.length === 0 ? (
          <View id="owner-no-house">
            <EmptyArt text="您还没有绑定房屋" />
            <Button id="owner-bind" type="primary" block onClick={() => go(ROUTES.ownerBind)}>
              业主身份绑定
            </Button>
          </View>
        ) : (
          owner.bindings.map((b) => (
            <View className="card owner-house" key={b.bindingId} id={`owner-house-${b.houseId}`}>
              <Text className="case-card__title">{b.propertyAreaName}</Text>
              <Text className="muted">
                {b.houseLabel} · {b.floorArea} ㎡ · 业主 {b.ownerName}（{b.idNumberMasked}）
              </Text>
              <View className="owner-house__actions">
                <Button id={`owner-house-${b.houseId}-evaluate`} size="small" type="primary" onClick={() => go(ROUTES.ownerEvaluate, { houseId: b.houseId, target: EvaluationTarget.PROPERTY })}>
                  评价物业服务
                </Button>
                {b.hasCommittee && (
                  <Button id={`owner-house-${b.houseId}-evaluate-committee`} size="small" fill="outline" onClick={() => go(ROUTES.ownerEvaluate, { houseId: b.houseId, target: EvaluationTarget.COMMITTEE })}>
                    评价业委会
                  </Button>
                )}
                <Button id={`owner-house-${b.houseId}-unbind`} size="small" fill="outline" type="default" onClick={() => void unbind(b)}>
                  解除绑定
                </Button>
              </View>
            </View>
          ))
        )}
      </Section>
      <View className="entry-card" id="owner-entry-evaluations" onClick={() => go(ROUTES.ownerEvaluations)}>
        <Text className="entry-card__title">我的评价</Text>
        <Text className="muted">每户每月可评价一次，物业服务企业的回复在这里查看</Text>
      </View>
      <View className="entry-card" id="owner-entry-votes" onClick={() => go(ROUTES.ownerVotes)}>
        <Text className="entry-card__title">业主投票</Text>
        <Text className="muted">所在小区（或楼栋）的业主大会表决：每户每个议题投票一次，结果公布后在这里查看</Text>
      </View>
      <Text
        className="link page__note"
        id="owner-sign-out"
        onClick={() => {
          ownerSignOut();
          onSignedOut();
        }}
      >
        退出业主身份
      </Text>
      {dialog}
    </View>
  );
}
