import { Group, Pagination } from '@mantine/core';

/** Page numbers under a list, shown only when the list has more than one page. */
export function Pager({ total, pageSize, page, onChange, testId }: { total: number; pageSize: number; page: number; onChange: (page: number) => void; testId?: string }) {
  if (total <= pageSize) return null;
  return (
    <Group justify="center" mt="sm">
      <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onChange} size="sm" data-testid={testId} />
    </Group>
  );
}
