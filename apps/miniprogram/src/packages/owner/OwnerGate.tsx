import { Text, View } from '@tarojs/components';
import { OwnerMe } from '@szpm/contract';
import { ReactNode } from 'react';
import { useSignedInOwner } from '../../owner-session';
import { ROUTES } from '../../routes';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { back } from '../../utils/navigation';

/** A page of 我的小区 behind the owner's sign-in: opened without one, it leads back to 我的小区. */
export function OwnerGate({ children }: { children: (owner: OwnerMe) => ReactNode }) {
  const { owner, checking } = useSignedInOwner();
  if (checking) return <Loading type="spinner">加载中…</Loading>;
  if (!owner)
    return (
      <View className="page page--center" id="owner-signed-out">
        <Text className="state-box__text">请先进入我的小区，以业主身份登录</Text>
        <Button id="owner-signed-out-home" type="primary" onClick={() => back(ROUTES.ownerHome)}>
          我的小区
        </Button>
      </View>
    );
  return <>{children(owner)}</>;
}
