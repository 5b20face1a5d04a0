import type { TrendOutput } from '@xuanlian/contracts';
import { useMemo } from 'react';
import { EChart } from '../../shared/ui/EChart.tsx';

/** 报送、用稿 by month as bars and 积分 as a line. */
export function TrendChart({ data }: { data: TrendOutput }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['报送', '用稿', '积分'] },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: [{ type: 'value', name: '篇' }, { type: 'value', name: '分' }],
      series: [
        { name: '报送', type: 'bar', data: data.submitted },
        { name: '用稿', type: 'bar', data: data.adopted },
        { name: '积分', type: 'line', yAxisIndex: 1, data: data.points, smooth: true },
      ],
    }),
    [data],
  );
  return <EChart option={option} height={300} testId="trend-chart" label="逐月报送、用稿和积分走势" />;
}
