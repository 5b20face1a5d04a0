import type { CSSProperties, ReactNode } from 'react';

interface Props {
  title?: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
  'data-testid'?: string;
}

/**
 * A small card for pages a phone opens first (手机报送): it looks like antd's `Card size="small"`
 * without bringing Card's tabs and skeleton (about 13 kB gzip) into that first load.
 */
export function Panel({ title, style, children, 'data-testid': testId }: Props) {
  return (
    <section className="xl-panel" style={style} data-testid={testId}>
      {title && <div className="xl-panel-title">{title}</div>}
      <div className="xl-panel-body">{children}</div>
    </section>
  );
}
