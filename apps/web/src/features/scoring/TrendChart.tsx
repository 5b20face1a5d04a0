import type { TrendOutput } from '@xuanlian/contracts';
import { useMemo } from 'react';
import { upToThisMonth } from '../../shared/periods.ts';
import { EChart } from '../../shared/ui/EChart.tsx';

/** 报送、用稿 by month as bars and 积分 as a line. */
export function TrendChart({ data }: { data: TrendOutput }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['报送', '用稿', '积分'], top: 0, right: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: [
        { type: 'value', name: '篇', minInterval: 1 },
        { type: 'value', name: '分' },
      ],
      // Months still ahead stay empty; a monotone curve does not invent points between months.
      series: [
        { name: '报送', type: 'bar', data: upToThisMonth(data.months, data.submitted) },
        { name: '用稿', type: 'bar', data: upToThisMonth(data.months, data.adopted) },
        { name: '积分', type: 'line', yAxisIndex: 1, data: upToThisMonth(data.months, data.points), smooth: 0.3, smoothMonotone: 'x' },
      ],
    }),
    [data],
  );
  return <EChart option={option} height={300} testId="trend-chart" label="逐月报送、用稿和积分走势" />;
}
