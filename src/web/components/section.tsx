import { Paper, Text, Title } from '@mantine/core';

/** A bordered block of a page with its heading. */
export function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

/**
 * One labelled value. Text is isolated (<bdi>) so a Latin address in an Arabic page keeps the
 * page's alignment; `ltr` forces left-to-right for codes and phone numbers.
 */
export function Field({ label, children, ltr, testId }: { label: string; children: React.ReactNode; ltr?: boolean; testId?: string }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text size="sm" className={ltr ? 'ltr' : undefined} data-testid={testId} component="div">
        {empty ? '—' : typeof children === 'string' ? <bdi>{children}</bdi> : children}
      </Text>
    </div>
  );
}
