import { useState } from 'react';
import { Button, Grid, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#web/i18n/format.ts';
import { autoDir } from '#web/lib/labels.ts';
import { Scanner } from './scanner.tsx';

export interface FamilyHit {
  id: string;
  registrationNumber: string;
  headName: string;
  size: number;
}

interface Props {
  /** A scanned or typed card code. */
  onToken: (token: string) => void;
  /** A family chosen from the search. */
  onFamily: (id: string) => void;
  search: (q: string, signal?: AbortSignal) => Promise<FamilyHit[]>;
  /** Which search this is (online or the device's list), so their results are kept apart. */
  searchKey: string;
  tokenRef?: React.Ref<HTMLInputElement>;
}

/**
 * How the next family is found: the card scanned with the camera, its code typed or pasted (a
 * handheld scanner types it and presses Enter), or the family searched by name or number.
 */
export function FindBar({ onToken, onFamily, search, searchKey, tokenRef }: Props) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [scanning, setScanning] = useState(false);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const hits = useQuery({
    queryKey: ['desk-search', searchKey, q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return;
    onToken(token.trim());
    setToken('');
  };
  const pick = (id: string) => {
    setText('');
    onFamily(id);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form onSubmit={submit}>
            <Stack gap="xs">
              <TextInput
                ref={tokenRef}
                label={t('distribution.cardCode')}
                description={t('distribution.cardCodeHint')}
                placeholder="AMC1.…"
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                dir="ltr"
                autoFocus
                autoComplete="off"
                spellCheck={false}
                size="md"
                data-testid="token-input"
              />
              <Group gap="xs">
                <Button type="submit" size="md" data-testid="token-submit">{t('distribution.checkCard')}</Button>
                <Button variant="light" size="md" onClick={() => setScanning(true)} data-testid="scan-open">{t('distribution.scan')}</Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TextInput
            label={t('distribution.searchFamily')}
            description={t('distribution.searchFamilyHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            type="search"
            dir={autoDir(text)}
            size="md"
            data-testid="family-search"
          />
          {q.length >= 2 && hits.data && (
            <Stack gap={4} mt="xs" data-testid="family-results">
              {hits.data.length === 0 && <Text size="sm" c="dimmed">{t('distribution.noFamilyFound')}</Text>}
              {hits.data.map((h) => (
                <UnstyledButton key={h.id} onClick={() => pick(h.id)} p="xs" bd="1px solid var(--mantine-color-default-border)" style={{ borderRadius: 6 }} data-testid="family-result">
                  <Text fw={600} size="sm"><bdi>{h.headName}</bdi></Text>
                  <Text size="xs" c="dimmed">
                    <span className="ltr">{h.registrationNumber}</span> · {t('distribution.people', { n: formatNumber(h.size) })}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
      <Scanner
        opened={scanning}
        onClose={() => setScanning(false)}
        onToken={(scanned) => {
          setScanning(false);
          onToken(scanned);
        }}
      />
    </Paper>
  );
}
