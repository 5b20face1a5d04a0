import { Empty } from 'antd';
import { VENUE_TYPE_LABELS, type CoverageOutput } from '@xuanlian/contracts';
import { useMemo } from 'react';
import { EChart } from '../../shared/ui/EChart.tsx';

/** 宣讲 by unit × venue type as an ECharts heat-map. */
export function CoverageHeatmap({ data }: { data: CoverageOutput }) {
  const height = Math.max(240, data.rows.length * 36 + 120);
  const option = useMemo(() => {
    const xs = data.venueTypes.map((v) => VENUE_TYPE_LABELS[v]);
    const ys = data.rows.map((r) => r.orgName);
    const cells = data.rows.flatMap((r, y) => r.counts.map((n, x) => [x, y, n, r.reach[x] ?? 0]));
    const max = Math.max(1, ...cells.map((c) => c[2] as number));
    return {
      tooltip: {
        formatter: (p: { value: number[] }) => `${ys[p.value[1] ?? 0]} · ${xs[p.value[0] ?? 0]}<br/>宣讲 ${p.value[2]} 场，受众 ${p.value[3]} 人次`,
      },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: xs, splitArea: { show: true } },
      yAxis: { type: 'category', data: ys, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f5f5f5', '#ffd591', '#fa541c'] }, text: ['多', '少'] },
      series: [{ type: 'heatmap', data: cells, label: { show: true }, emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,.3)' } } }],
    };
  }, [data]);

  if (data.rows.length === 0) return <Empty description="所选范围内没有建立台账的单位" />;
  return <EChart option={option} height={height} testId="coverage-heatmap" label="宣讲覆盖热力图：单位 × 场所类型" />;
}
