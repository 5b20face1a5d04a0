import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** Page title (also the browser tab's) with the page's main actions on the right. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · 宣联`;
  }, [title]);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
