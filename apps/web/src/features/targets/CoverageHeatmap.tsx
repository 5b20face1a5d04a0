import { Empty, Spin } from 'antd';
import { VENUE_TYPE_LABELS, type CoverageOutput } from '@xuanlian/contracts';
import { useEffect, useRef, useState } from 'react';

/**
 * 宣讲 by unit × venue type as an ECharts heat-map. ECharts is imported piece by piece and only
 * when this tab opens, so the rest of the app never downloads it.
 */
export function CoverageHeatmap({ data }: { data: CoverageOutput }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const height = Math.max(240, data.rows.length * 36 + 120);

  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    (async () => {
      const { echarts } = await import('./heatmapEcharts.ts');
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current);
      chart = c;
      const xs = data.venueTypes.map((v) => VENUE_TYPE_LABELS[v]);
      const ys = data.rows.map((r) => r.orgName);
      const cells = data.rows.flatMap((r, y) => r.counts.map((n, x) => [x, y, n, r.reach[x] ?? 0]));
      const max = Math.max(1, ...cells.map((c) => c[2] as number));
      c.setOption({
        tooltip: {
          formatter: (p: { value: number[] }) => `${ys[p.value[1] ?? 0]} · ${xs[p.value[0] ?? 0]}<br/>宣讲 ${p.value[2]} 场，受众 ${p.value[3]} 人次`,
        },
        grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
        xAxis: { type: 'category', data: xs, splitArea: { show: true } },
        yAxis: { type: 'category', data: ys, inverse: true, splitArea: { show: true } },
        visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f5f5f5', '#ffd591', '#fa541c'] }, text: ['多', '少'] },
        series: [{ type: 'heatmap', data: cells, label: { show: true }, emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,.3)' } } }],
      });
      window.addEventListener('resize', onResize);
      setReady(true);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [data]);

  if (data.rows.length === 0) return <Empty description="所选范围内没有建立台账的单位" />;
  return (
    <div style={{ position: 'relative' }}>
      {!ready && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto' }} />}
      <div ref={ref} style={{ width: '100%', height }} data-testid="coverage-heatmap" role="img" aria-label="宣讲覆盖热力图：单位 × 场所类型" />
    </div>
  );
}
