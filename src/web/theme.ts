import { createTheme, type MantineThemeOverride } from '@mantine/core';

/**
 * Latin text uses the system's UI font; Arabic and Kurdish fall through to the bundled Noto Sans
 * Arabic (with a taller line height so marks above and below letters are never clipped).
 */
const LATIN = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial";
const fontFamily = `${LATIN}, 'Noto Sans Arabic', sans-serif`;

export const theme: MantineThemeOverride = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  primaryColor: 'blue',
  defaultRadius: 'sm',
  lineHeights: { xs: '1.5', sm: '1.6', md: '1.6', lg: '1.6', xl: '1.6' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Select: { defaultProps: { comboboxProps: { shadow: 'md' } } },
    MultiSelect: { defaultProps: { comboboxProps: { shadow: 'md' } } },
  },
});
