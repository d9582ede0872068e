import { AppShell, Box, Burger, Button, Divider, Group, NavLink, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { can, homePath, useMe, useSignOut } from '#web/auth/session.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavIcon, type NavIconName } from './nav-icons.tsx';
import { organizationName } from '#web/lib/labels.ts';

interface Item {
  to: string;
  label: string;
  icon: NavIconName;
  testId: string;
}

/** Header (name, person, language, sign out) and navigation; a burger menu on phones. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const main: Item[] = [
    ...(can(me, 'households.read') ? [{ to: '/households', label: t('nav.households'), icon: 'households', testId: 'nav-households' } as Item] : []),
    ...(can(me, 'households.write') ? [{ to: '/register', label: t('nav.register'), icon: 'register', testId: 'nav-register' } as Item] : []),
    ...(can(me, 'dedup.review') ? [{ to: '/dedup', label: t('nav.dedup'), icon: 'dedup', testId: 'nav-dedup' } as Item] : []),
    ...(can(me, 'figures.read') ? [{ to: '/figures', label: t('nav.figures'), icon: 'figures', testId: 'nav-figures' } as Item] : []),
    ...(can(me, 'figures.read') || can(me, 'assessments.read') || can(me, 'places.manage')
      ? [{ to: '/sites', label: t('nav.sites'), icon: 'sites', testId: 'nav-sites' } as Item] : []),
    ...(can(me, 'assessments.read') ? [{ to: '/assessments', label: t('nav.assessments'), icon: 'assessments', testId: 'nav-assessments' } as Item] : []),
    ...(can(me, 'assistance.read') ? [
      { to: '/programmes', label: t('nav.programmes'), icon: 'programmes', testId: 'nav-programmes' } as Item,
      { to: '/assistance/reports', label: t('nav.assistanceReports'), icon: 'assistanceReports', testId: 'nav-assistance-reports' } as Item,
    ] : []),
    ...(can(me, 'assistance.configure') ? [{ to: '/assistance/catalogue', label: t('nav.catalogue'), icon: 'catalogue', testId: 'nav-catalogue' } as Item] : []),
    ...(can(me, 'assistance.distribute') ? [{ to: '/distribution', label: t('nav.distribution'), icon: 'distribution', testId: 'nav-distribution' } as Item] : []),
    ...(can(me, 'stock.read') ? [{ to: '/stock', label: t('nav.stock'), icon: 'stock', testId: 'nav-stock' } as Item] : []),
  ];
  const admin: Item[] = [
    ...(can(me, 'organizations.manage') ? [{ to: '/admin/organizations', label: t('nav.organizations'), icon: 'organizations', testId: 'nav-organizations' } as Item] : []),
    ...(can(me, 'users.manage') ? [{ to: '/admin/users', label: t('nav.users'), icon: 'users', testId: 'nav-users' } as Item] : []),
  ];
  const active = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);
  const link = (item: Item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<NavIcon name={item.icon} />}
      active={active(item.to)}
      onClick={close}
      data-testid={item.testId}
      aria-current={active(item.to) ? 'page' : undefined}
    />
  );
  const onSignOut = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <AppShell.Header>
        {navigation.state === 'loading' && (
          <Progress value={100} animated size="xs" radius={0} pos="absolute" top={0} left={0} right={0} aria-hidden />
        )}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              data-testid="nav-burger"
            />
            <UnstyledButton component={Link} to={homePath(me)} aria-label={t('app.name')}>
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" width={28} height={28} alt="" />
                <Text fw={700} size="lg" data-testid="app-name">{t('app.name')}</Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="sm" ta="end" data-testid="current-user">
              <Text size="sm" fw={600} lh={1.3}><bdi dir="auto">{me.displayName}</bdi></Text>
              <Text size="xs" c="dimmed" lh={1.3}>{organizationName(me.organization)}</Text>
            </Box>
            <LanguageSwitch />
            <Button variant="default" size="sm" onClick={onSignOut} visibleFrom="sm" data-testid="logout">
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <AppShell.Section grow component="nav">
          <Stack gap={2}>{main.map(link)}</Stack>
          {admin.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>{t('nav.administration')}</Text>
              <Stack gap={2}>{admin.map(link)}</Stack>
            </>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="xs" />
          {link({ to: '/account', label: t('nav.account'), icon: 'account', testId: 'nav-account' })}
          <Box hiddenFrom="sm" px="sm" py="xs">
            <Text size="sm" fw={600}><bdi dir="auto">{me.displayName}</bdi></Text>
            <Text size="xs" c="dimmed" mb="xs">{organizationName(me.organization)}</Text>
            <Button variant="default" fullWidth onClick={onSignOut} data-testid="logout-mobile">{t('nav.logout')}</Button>
          </Box>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1280} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
