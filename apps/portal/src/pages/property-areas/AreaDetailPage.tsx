import { PageContainer, ProCard, ProDescriptions } from '@ant-design/pro-components';
import { ModuleKey, PropertyAreaTab, type PropertyAreaDetail } from '@szpm/contract';
import { Alert, Button, Descriptions, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { areasApi } from './endpoints';
import { AreaPractitionersTab } from '../practitioners/AreaPractitionersTab';
import { AreaCommonFundsTab } from '../common-funds/AreaCommonFundsTab';
import { AreaParkingTab } from '../parking/AreaParkingTab';
import { FacilitiesTab } from './FacilitiesTab';
import { HouseTree } from './HouseTree';
import { PROFILE_GROUPS, profileValue, squareMetres } from './logic';

/**
 * 详情 of one property area with its six tabs: 物业区域信息, 共有资金信息, 房屋信息, 设施设备信息,
 * 车位信息, 项目从业人员信息 (each its own endpoint, the last three from chapters 11–13), and 编辑.
 */
export default function AreaDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const [detail, setDetail] = useState<PropertyAreaDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  // the district edits its areas and keeps their facility ledgers; the city bureau reviews the edits
  const operate = canOperate(me?.modules, ModuleKey.PROPERTY_AREAS) && !isCityRole(me?.role);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!Number.isInteger(id) || id <= 0) {
      setError('物业区域编号无效');
      return;
    }
    areasApi.detail(id).then(setDetail, (e) => setError(errorMessage(e)));
  }, [id]);

  if (error) return <PageContainer title="物业区域详情"><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail) return <PageContainer title="物业区域详情"><Spin /></PageContainer>;

  const tabs = detail.tabs.length ? detail.tabs : [];
  const tab = tabs.find((t) => t.key === params.get('tab'))?.key ?? PropertyAreaTab.INFO;
  return (
    <PageContainer
      title={detail.name}
      subTitle={`${detail.code} · ${detail.districtName}${detail.streetName}${detail.communityName}`}
      extra={[
        <Button key="back" onClick={() => navigate('/property-areas/list')}>
          返回列表
        </Button>,
        ...(operate
          ? [
              <Button key="edit" type="primary" onClick={() => navigate(`/property-areas/list/${detail.id}/edit`)}>
                编辑
              </Button>,
            ]
          : []),
      ]}
      tabList={tabs.map((t) => ({ key: t.key, tab: t.label }))}
      tabActiveKey={tab}
      onTabChange={(key) => setParams({ tab: key }, { replace: true })}
    >
      {tab === PropertyAreaTab.INFO && <InfoTab detail={detail} />}
      {tab === PropertyAreaTab.HOUSES && <HouseTree areaId={detail.id} />}
      {tab === PropertyAreaTab.FACILITIES && <FacilitiesTab areaId={detail.id} areaName={detail.name} operate={operate} />}
      {tab === PropertyAreaTab.PRACTITIONERS && <AreaPractitionersTab areaId={detail.id} />}
      {tab === PropertyAreaTab.COMMON_FUNDS && <AreaCommonFundsTab areaId={detail.id} />}
      {tab === PropertyAreaTab.PARKING && <AreaParkingTab areaId={detail.id} />}
    </PageContainer>
  );
}

function InfoTab({ detail }: { detail: PropertyAreaDetail }) {
  return (
    <>
      <ProCard title="基本信息" headerBordered>
        <div data-testid="area-core">
          <ProDescriptions<PropertyAreaDetail>
            column={3}
            size="small"
            dataSource={detail}
            columns={[
              { title: '项目编号', dataIndex: 'code' },
              { title: '物业区域名称', dataIndex: 'name' },
              { title: '所属区域', key: 'region', render: () => `${detail.districtName} / ${detail.streetName} / ${detail.communityName}` },
              { title: '地址', dataIndex: 'address', span: 2 },
              { title: '宗地号', dataIndex: 'landNumber', render: () => detail.landNumber ?? '-' },
              { title: '坐落', dataIndex: 'location', render: () => detail.location ?? '-' },
              { title: '外部编码', dataIndex: 'externalCode', render: () => detail.externalCode ?? '-' },
              { title: '物业服务企业', dataIndex: 'companyName', render: () => detail.companyName ?? (detail.selfManaged ? '自管' : '-') },
              { title: '项目经理', dataIndex: 'projectManagerName', render: () => (detail.projectManagerName ? `${detail.projectManagerName}${detail.projectManagerPhone ? `（${detail.projectManagerPhone}）` : ''}` : '-') },
              { title: '开发建设单位', dataIndex: 'developerName', render: () => detail.developerName ?? '-' },
              { title: '是否自管', dataIndex: 'selfManaged', render: () => (detail.selfManaged ? '是' : '否') },
              { title: '是否外市项目', dataIndex: 'otherCityProject', render: () => (detail.otherCityProject ? '是' : '否') },
              { title: '建筑面积', dataIndex: 'floorArea', render: () => squareMetres(detail.floorArea) },
              { title: '楼栋数', dataIndex: 'buildingCount' },
              { title: '房屋数', dataIndex: 'houseCount' },
              {
                title: '坐标图层',
                dataIndex: 'coordinateStatusLabel',
                render: () => (
                  <>
                    <Tag color={detail.boundaryGeoJson ? 'green' : 'default'}>{detail.coordinateStatusLabel}</Tag>
                    {detail.layer ?? ''}
                  </>
                ),
              },
              { title: '中心点（经度,纬度）', key: 'centroid', render: () => `${detail.longitude},${detail.latitude}` },
              { title: '备注', dataIndex: 'remarks', span: 3, render: () => detail.remarks ?? '-' },
            ]}
          />
        </div>
      </ProCard>
      {PROFILE_GROUPS.map((group) => (
        <ProCard key={group.title} title={group.title} headerBordered style={{ marginTop: 16 }}>
          <Descriptions column={3} size="small" bordered>
            {group.fields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {profileValue(detail.profile[f.key], f.kind)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </ProCard>
      ))}
    </>
  );
}
