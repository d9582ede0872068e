import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang, LANGS, setLanguage, type Lang } from '#web/i18n/index.ts';

function GlobeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </svg>
  );
}

/** English / العربية / کوردی, each written in its own language; the choice is remembered. */
export function LanguageSwitch({ variant = 'subtle' }: { variant?: 'subtle' | 'default' }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant={variant}
          color="gray"
          leftSection={<GlobeIcon />}
          aria-label={`${t('lang.label')}: ${t(`lang.${lang}`)}`}
          data-testid="lang-switch"
          px="xs"
        >
          {t(`lang.${lang}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('lang.label')}</Menu.Label>
        {LANGS.map((code: Lang) => (
          <Menu.Item
            key={code}
            lang={code}
            dir={code === 'en' ? 'ltr' : 'rtl'}
            onClick={() => void setLanguage(code)}
            data-testid={`lang-${code}`}
            fw={code === lang ? 700 : 400}
            aria-current={code === lang ? 'true' : undefined}
          >
            {t(`lang.${code}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
