import { Flex, Spin } from 'antd';

/** What a page shows while its chunk or its data loads: a spinner that says so in words. */
export function PageSpin({ full = false }: { full?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: full ? '100vh' : 240 }}>
      <Spin size="large" description="加载中…" />
    </Flex>
  );
}
