import { Group, Paper, Text, Title } from '@mantine/core';

/** A bordered block of a page with its heading, and an action (a button) at the heading's end. */
export function Section({ title, children, testId, action }: { title: string; children: React.ReactNode; testId?: string; action?: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">{title}</Title>
        {action}
      </Group>
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
