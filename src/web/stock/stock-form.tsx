import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '#web/api/client.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { i18next } from '#web/i18n/index.ts';
import { notifySuccess, problemMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { shortagesOf, stockKeys } from './api.ts';
import { useItemLabels } from './catalogue.ts';

interface Submit<S extends z.ZodType> {
  schema: S;
  body: () => unknown;
  url: string;
  method?: 'POST' | 'PUT';
  done: string;
  onDone: () => void;
}

/**
 * Sends one stock document once: checked with its schema first, sent with an idempotency key
 * (a retry after a lost answer records nothing twice), and on refusal the errors beside their
 * fields and, for `stock.insufficient`, what is short per item.
 */
export function useStockSubmit() {
  const client = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ message: string; short: { item: string; asked: number; available: number }[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState(uuidv7);

  const submit = async <S extends z.ZodType>({ schema, body, url, method = 'POST', done, onDone }: Submit<S>) => {
    setFailure(null);
    const parsed = schema.safeParse(body());
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSaving(true);
    try {
      await api(url, { method, body: parsed.data, headers: method === 'POST' ? { 'Idempotency-Key': key } : undefined });
      for (const queryKey of stockKeys) void client.invalidateQueries({ queryKey });
      notifySuccess(done);
      setKey(uuidv7());
      onDone();
    } catch (error) {
      const short = shortagesOf(error);
      const fields = serverFieldErrors(error);
      // What is short is said beside its line in the item's name (the server's message names its code).
      const lines = (parsed.data as { lines?: { item: string }[] }).lines ?? [];
      for (const s of short) {
        const i = lines.findIndex((l) => l.item === s.item);
        if (i >= 0) fields[`lines.${i}.quantity`] = i18next.t('stock.inStock', { n: formatNumber(s.available) });
      }
      setErrors(fields);
      setFailure({ message: problemMessage(error), short });
    } finally {
      setSaving(false);
    }
  };
  const reset = () => {
    setErrors({});
    setFailure(null);
  };
  return { submit, errors, failure, saving, reset };
}

/** What is short, per item, in words the keeper reads at once. */
export function FailureAlert({ failure }: { failure: ReturnType<typeof useStockSubmit>['failure'] }) {
  const { t } = useTranslation();
  const { name } = useItemLabels();
  if (!failure) return null;
  return (
    <Alert color="red" title={failure.short.length ? t('stock.insufficientTitle') : undefined} data-testid="stock-failure">
      <Text size="sm">{failure.message}</Text>
      {failure.short.map((s) => (
        <Text key={s.item} size="sm" fw={700} data-testid="stock-short">
          {t('stock.shortItem', { item: name(s.item), asked: formatNumber(s.asked), available: formatNumber(s.available) })}
        </Text>
      ))}
    </Alert>
  );
}

/** A stock document's modal: its fields, what went wrong, and save. */
export function StockModal({ title, opened, onClose, onSubmit, saving, failure, children, testId, submitLabel }: {
  title: string; opened: boolean; onClose: () => void; onSubmit: () => void; saving: boolean;
  failure: ReturnType<typeof useStockSubmit>['failure']; children: React.ReactNode; testId: string; submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" data-testid={testId}>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }} noValidate>
        <Stack gap="sm">
          {children}
          <FailureAlert failure={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid={`${testId}-submit`}>{submitLabel ?? t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
