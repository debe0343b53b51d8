import { createTheme, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = [
  '#e6f7f5',
  '#c9ece7',
  '#9bdbd2',
  '#67c7ba',
  '#3fb5a6',
  '#25a898',
  '#14998a',
  '#0f7f73',
  '#0b6a60',
  '#06544c',
];

/** Calm and dense: one teal accent, small controls, soft borders. */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
  },
});
