// Warta's look on Mantine: the brand blue (#083a54) as the primary colour, and every colour we show text in or
// on chosen to meet WCAG AA contrast (4.5:1) against white and against the page background. Mantine's default
// red, green and orange at shade 6 and its dimmed grey are too light for that, so they are replaced here.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core'

/** The brand blue; shade 7 is the brand colour itself (12:1 on white), shade 6 is 8.9:1. */
const warta: MantineColorsTuple = [
  '#e8f1f6',
  '#d0e2ec',
  '#a3c5d8',
  '#74a6c3',
  '#4c8cb2',
  '#2a73a0',
  '#0b4f71',
  '#083a54',
  '#062c40',
  '#041e2c',
]

/** Errors and destructive actions: shade 6 is 6.6:1 on white. */
const red: MantineColorsTuple = [
  '#fdecea',
  '#f9d4d0',
  '#f0a8a0',
  '#e67b70',
  '#dc5548',
  '#c9382b',
  '#b42318',
  '#9a1c13',
  '#7f160f',
  '#5f100a',
]

/** Success and "active": shade 6 is 6.5:1 on white. */
const green: MantineColorsTuple = [
  '#e8f5ec',
  '#cfe9d7',
  '#a2d4b2',
  '#72be8b',
  '#4aab6a',
  '#2f8a52',
  '#1d6b3a',
  '#175a30',
  '#114626',
  '#0b321b',
]

/** Warnings ("dormant", "disabled"): shade 6 is 6.2:1 on white. */
const orange: MantineColorsTuple = [
  '#fdf3e3',
  '#fae3c0',
  '#f3c27f',
  '#eba040',
  '#d98314',
  '#b86500',
  '#9c4a00',
  '#803d00',
  '#653000',
  '#4a2300',
]

export const theme = createTheme({
  primaryColor: 'warta',
  primaryShade: { light: 7, dark: 7 },
  colors: { warta, red, green, orange },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  fontFamilyMonospace: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  // People who ask their system for less motion get no fades or slides.
  respectReducedMotion: true,
  components: {
    // Required fields are announced by the `required` attribute; the red asterisk in the label makes labels
    // harder to read for the people who use Warta and adds nothing for screen readers.
    // The hint sits under the input, so inputs in a row line up whether or not they have one.
    InputWrapper: {
      defaultProps: { withAsterisk: false, inputWrapperOrder: ['label', 'input', 'description', 'error'] },
    },
    // Small capitals are harder to read than the word as written.
    Badge: { defaultProps: { tt: 'none' } },
    Anchor: { defaultProps: { underline: 'always' } },
  },
})

/** Dimmed text, errors and placeholders at AA contrast (Mantine's defaults are grey-6 and red-6). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#4d5a6b',
    '--mantine-color-error': red[6],
    '--mantine-color-placeholder': '#5c6775',
    '--mantine-color-anchor': warta[6],
    '--mantine-color-body': '#f5f6f8',
  },
  dark: {},
})
