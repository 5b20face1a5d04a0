import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** Loose on purpose: ECharts' option type is huge and only this file hands options over. */
export type ChartOption = Record<string, unknown>;

/**
 * The one ECharts canvas of the app. ECharts is loaded on first use; the chart follows the
 * window's width (phones), shows a spinner until drawn and is disposed with the component.
 * Callers memoise `option`: a new object redraws the chart.
 */
export function EChart({ option, height = 280, testId, label }: { option: ChartOption; height?: number; testId?: string; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    (async () => {
      const { echarts } = await import('./echartsCore.ts');
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current);
      chart = c;
      c.setOption(option);
      window.addEventListener('resize', onResize);
      setReady(true);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <div style={{ position: 'relative' }}>
      {!ready && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto' }} />}
      <div ref={ref} style={{ width: '100%', height }} data-testid={testId} role="img" aria-label={label} />
    </div>
  );
}
