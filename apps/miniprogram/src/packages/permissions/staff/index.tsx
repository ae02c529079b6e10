import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { api } from '../../../api';
import { LoadState } from '../../../components/LoadState';
import { StaffDetailView } from '../../../components/StaffDetailView';
import { useLoader } from '../../../hooks/useLoader';
import { intParam } from '../../../utils/navigation';

/** 人员详情 (点击头像): role, unit, binding and module grants. */
export default function StaffDetailPage() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('人员编号不正确')) : api.permissions.staffDetail(id)), [id]);
  return (
    <View className="page" id="staff-detail">
      <LoadState loaded={loaded} id="staff">
        {(person) => <StaffDetailView person={person} />}
      </LoadState>
    </View>
  );
}
