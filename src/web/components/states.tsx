import { Alert, Button, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '#web/lib/problems.ts';

/** A centred spinner while a page's data loads. */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Stack align="center" gap="xs">
        <Loader />
        <Text size="sm" c="dimmed">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** A failed load with the reason and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('common.errorTitle')} my="md" data-testid="error-state">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{problemMessage(error)}</Text>
        {onRetry && <Button variant="light" color="red" size="xs" onClick={onRetry}>{t('common.retry')}</Button>}
      </Stack>
    </Alert>
  );
}

/** Nothing to show, with a hint and an optional action; `compact` inside a section of a page. */
export function EmptyState({ title, hint, action, compact = false }: { title: string; hint?: string; action?: React.ReactNode; compact?: boolean }) {
  return (
    <Center py={compact ? 'md' : 48} data-testid="empty-state">
      <Stack align="center" gap="xs" maw={460} ta="center">
        {!compact && (
          <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
            <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2"><circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5" /></svg>
          </ThemeIcon>
        )}
        <Text fw={600} size={compact ? 'sm' : undefined}>{title}</Text>
        {hint && <Text size="sm" c="dimmed">{hint}</Text>}
        {action}
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py={64}>
      <Stack align="center" gap="sm">
        <Title order={2}>{t('common.notFoundTitle')}</Title>
        <Text c="dimmed">{t('common.notFoundBody')}</Text>
        <Button component={Link} to="/households" variant="light">{t('common.goHome')}</Button>
      </Stack>
    </Center>
  );
}
