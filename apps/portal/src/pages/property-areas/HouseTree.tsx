import { ProCard, ProDescriptions } from '@ant-design/pro-components';
import type { BuildingNode, HouseItem } from '@szpm/contract';
import { Alert, Col, Empty, Row, Skeleton, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api';
import { areasApi } from './endpoints';
import { buildingKey, houseKey, HOUSES_PER_LOAD, moreKey, parseTreeKey, squareMetres, unitKey } from './logic';

/** the tree's nodes with the given key's children replaced */
function withChildren(nodes: DataNode[], key: React.Key, children: DataNode[]): DataNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    if (node.children) return { ...node, children: withChildren(node.children, key, children) };
    return node;
  });
}

const buildingTitle = (b: BuildingNode) => `${b.name}（${b.structureLabel}，${b.totalFloors}层）· ${b.unitCount} 个单元 · ${b.houseCount} 户 · ${squareMetres(b.buildingArea)}`;
const houseTitle = (h: HouseItem) => `${h.roomNo}${h.floor !== null ? ` · ${h.floor}层` : ''} · 建筑面积 ${squareMetres(h.buildingArea)}`;

/**
 * 房屋信息: the read-only tree 楼栋 → 单元 → 房屋 with counts and areas, each level loaded when it is
 * opened (an estate can hold thousands of houses); a unit's houses come a page at a time. A house
 * picked in the tree shows its measures beside it.
 */
export function HouseTree({ areaId }: { areaId: number }) {
  const [nodes, setNodes] = useState<DataNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<HouseItem | null>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [loaded, setLoaded] = useState<React.Key[]>([]);
  const houses = useRef(new Map<number, HouseItem>());

  useEffect(() => {
    setNodes(null);
    setError(null);
    areasApi.buildings(areaId).then(
      (buildings) =>
        setNodes(buildings.map((b) => ({ key: buildingKey(b.id), title: buildingTitle(b), isLeaf: b.houseCount === 0 }))),
      (e) => setError(errorMessage(e)),
    );
  }, [areaId]);

  /** one page of a unit's houses as leaves, with 加载更多 when more remain */
  const housePage = useCallback(
    async (buildingId: number, unitNo: string, page: number): Promise<DataNode[]> => {
      const answer = await areasApi.houses(areaId, { buildingId, unitNo, page, pageSize: HOUSES_PER_LOAD });
      answer.items.forEach((h) => houses.current.set(h.id, h));
      const leaves: DataNode[] = answer.items.map((h) => ({ key: houseKey(h.id), title: houseTitle(h), isLeaf: true }));
      if (page * HOUSES_PER_LOAD < answer.total) {
        leaves.push({ key: moreKey(buildingId, unitNo, page + 1), title: <Typography.Link>加载更多（已显示 {page * HOUSES_PER_LOAD} / {answer.total} 户）</Typography.Link>, isLeaf: true });
      }
      return leaves;
    },
    [areaId],
  );

  const loadData = async (node: EventDataNode<DataNode>) => {
    const key = parseTreeKey(String(node.key));
    if (!key || node.children) return;
    try {
      if (key.level === 'building') {
        const units = await areasApi.units(areaId, key.buildingId);
        const children = units.map((u) => ({ key: unitKey(key.buildingId, u.unitNo), title: `${u.unitNo || '（无单元）'} · ${u.houseCount} 户 · ${squareMetres(u.buildingArea)}`, isLeaf: u.houseCount === 0 }));
        setNodes((current) => withChildren(current ?? [], node.key, children));
      } else if (key.level === 'unit') {
        const children = await housePage(key.buildingId, key.unitNo, 1);
        setNodes((current) => withChildren(current ?? [], node.key, children));
      }
      setLoaded((keys) => [...keys, node.key]);
    } catch (e) {
      setError(errorMessage(e));
      // counted as loaded, or the tree asks again at once; collapsing and reopening the page retries
      setLoaded((keys) => [...keys, node.key]);
      setExpanded((keys) => keys.filter((k) => k !== node.key));
    }
  };

  const select = async (key: React.Key) => {
    const parsed = parseTreeKey(String(key));
    if (parsed?.level === 'house') setPicked(houses.current.get(parsed.houseId) ?? null);
    if (parsed?.level === 'more') {
      try {
        const more = await housePage(parsed.buildingId, parsed.unitNo, parsed.page);
        const parent = unitKey(parsed.buildingId, parsed.unitNo);
        // the 加载更多 leaf gives way to the next page (and its own 加载更多)
        const replace = (list: DataNode[]): DataNode[] =>
          list.map((n) => (n.key === parent ? { ...n, children: [...(n.children ?? []).filter((c) => c.key !== key), ...more] } : n.children ? { ...n, children: replace(n.children) } : n));
        setNodes((current) => replace(current ?? []));
      } catch (e) {
        setError(errorMessage(e));
      }
    }
  };

  if (!nodes && !error) return <Skeleton active />;
  return (
    <Row gutter={16}>
      <Col span={14}>
        <ProCard title="楼栋 → 单元 → 房屋" headerBordered bordered>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          {nodes && nodes.length === 0 ? (
            <Empty description="该物业区域尚未登记楼栋" />
          ) : (
            <div data-testid="house-tree">
              <Tree
                aria-label="房屋信息：楼栋、单元、房屋"
                showLine
                height={560}
                treeData={nodes ?? []}
                loadData={loadData}
                loadedKeys={loaded}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys)}
                onSelect={(_, info) => void select(info.node.key)}
              />
            </div>
          )}
        </ProCard>
      </Col>
      <Col span={10}>
        <ProCard title="房屋详情" headerBordered bordered>
          {picked ? (
            <div data-testid="house-detail">
              <ProDescriptions<HouseItem>
                column={1}
                size="small"
                dataSource={picked}
                columns={[
                  { title: '楼栋', dataIndex: 'buildingName' },
                  { title: '单元', dataIndex: 'unitNo' },
                  { title: '房号', dataIndex: 'roomNo' },
                  { title: '楼层', dataIndex: 'floor', render: (_, h) => h.floor ?? '-' },
                  { title: '不动产单元号', dataIndex: 'realEstateUnitNo', render: (_, h) => h.realEstateUnitNo ?? '-' },
                  { title: '用途', dataIndex: 'usage' },
                  { title: '房屋类型', dataIndex: 'houseType', render: (_, h) => h.houseType ?? '-' },
                  { title: '销售状态', dataIndex: 'saleStatus', render: (_, h) => h.saleStatus ?? '-' },
                  { title: '建筑面积', dataIndex: 'buildingArea', render: (_, h) => squareMetres(h.buildingArea) },
                  { title: '套内面积', dataIndex: 'innerArea', render: (_, h) => squareMetres(h.innerArea) },
                  { title: '分摊面积', dataIndex: 'sharedArea', render: (_, h) => squareMetres(h.sharedArea) },
                  { title: '计费面积', dataIndex: 'chargeArea', render: (_, h) => squareMetres(h.chargeArea) },
                  { title: '是否有电梯', dataIndex: 'hasElevator', render: (_, h) => (h.hasElevator === null ? '-' : h.hasElevator ? '是' : '否') },
                  { title: '维修资金应缴', dataIndex: 'fundDue', render: (_, h) => (h.fundDue === null ? '-' : `${h.fundDue.toLocaleString('zh-CN')} 元`) },
                  { title: '维修资金余额', dataIndex: 'fundBalance', render: (_, h) => (h.fundBalance === null ? '-' : `${h.fundBalance.toLocaleString('zh-CN')} 元`) },
                ]}
              />
            </div>
          ) : (
            <Empty description="在左侧展开楼栋、单元，点击房屋查看详情" />
          )}
        </ProCard>
      </Col>
    </Row>
  );
}
