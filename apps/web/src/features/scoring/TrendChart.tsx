import type { TrendOutput } from '@xuanlian/contracts';
import { useEffect, useRef } from 'react';

/** 报送、用稿 by month as bars and 积分 as a line; ECharts loads only when this chart is shown. */
export function TrendChart({ data }: { data: TrendOutput }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    (async () => {
      const { echarts } = await import('./lineEcharts.ts');
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current);
      chart = c;
      c.setOption({
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
      });
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [data]);
  return <div ref={ref} style={{ width: '100%', height: 300 }} data-testid="trend-chart" />;
}
