import Taro from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import UCharts from '@qiun/ucharts';
import { useEffect, useRef } from 'react';
import { ChartSegment, legendText, ringData } from '../../logic/chart';
import './charts.scss';

interface Props {
  /** ids: `${id}` (the figure), `${id}-canvas`, `${id}-legend-${index}` */
  id: string;
  segments: ChartSegment[];
  /** in the ring's middle: 75% */
  centerText: string;
  /** under it: 已读率 */
  centerLabel: string;
  /** shown instead of the ring when every segment is 0 */
  emptyText?: string;
}

/**
 * The ring's middle text in CSS px (uCharts scales them by the pixel ratio). The page's text check
 * cannot see into a canvas, so these keep the 14 px minimum themselves.
 */
const CENTER_TEXT_PX = 24;
const CENTER_LABEL_PX = 14;

/** the drawing size when the canvas has not been laid out yet */
const FALLBACK_SIZE_PX = 160;

/**
 * A ring of the parts of a whole, drawn by uCharts on a 2d canvas (weapp: Canvas type 2d, H5: a
 * plain canvas element, since Taro's H5 canvas resets its bitmap on every render). The numbers are
 * also written out beside it, so the ring never is the only way to read them.
 */
export function RingChart({ id, segments, centerText, centerLabel, emptyText = '暂无数据' }: Props) {
  const data = ringData(segments);
  const canvasId = `${id}-canvas`;
  const h5Canvas = useRef<HTMLCanvasElement | null>(null);
  const key = JSON.stringify(data);

  useEffect(() => {
    if (!data) return;
    const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2;
    const draw = (canvas: { width: number; height: number; getContext(kind: '2d'): unknown }, cssSize: number) => {
      const size = Math.round((cssSize || FALLBACK_SIZE_PX) * pixelRatio);
      canvas.width = size;
      canvas.height = size;
      new UCharts({
        type: 'ring',
        context: canvas.getContext('2d'),
        canvas2d: true,
        pixelRatio,
        width: size,
        height: size,
        animation: false,
        dataLabel: false,
        legend: { show: false },
        padding: [4, 4, 4, 4],
        title: { name: centerText, fontSize: CENTER_TEXT_PX, color: '#1d2129' },
        subtitle: { name: centerLabel, fontSize: CENTER_LABEL_PX, color: '#5f6b7a' },
        series: [{ data: data.series }],
        extra: { ring: { ringWidth: 18, border: false, centerColor: '#ffffff', offsetAngle: -90 } },
      });
    };
    if (process.env.TARO_ENV === 'h5') {
      if (h5Canvas.current) draw(h5Canvas.current, h5Canvas.current.clientWidth);
      return;
    }
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: { width: number; height: number; getContext(kind: '2d'): unknown }; width?: number } | null>) => {
          const node = res?.[0]?.node;
          if (node) draw(node, res[0]?.width ?? 0);
        });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, centerText, centerLabel]);

  return (
    <View className="ring-chart" id={id}>
      {data ? (
        <View className="ring-chart__figure">
          {process.env.TARO_ENV === 'h5' ? (
            <canvas ref={h5Canvas} id={canvasId} className="ring-chart__canvas" role="img" aria-label={`${centerLabel} ${centerText}`} />
          ) : (
            <Canvas type="2d" id={canvasId} className="ring-chart__canvas" />
          )}
        </View>
      ) : (
        <Text className="muted ring-chart__empty">{emptyText}</Text>
      )}
      <View className="ring-chart__legend">
        {segments.map((segment, index) => (
          <View key={segment.label} className="ring-chart__legend-item" id={`${id}-legend-${index}`}>
            <View className="ring-chart__swatch" style={{ background: segment.color }} />
            <Text>{legendText(segment, data?.total ?? 0)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
