// Mantine's Anchor and Button as router links: typed `to`, `params` and `search`, and the router's own
// navigation (no page reload) with Mantine's look.
import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core'
import { createLink } from '@tanstack/react-router'
import type { AnchorHTMLAttributes, Ref } from 'react'

type AnchorElementProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & {
  ref?: Ref<HTMLAnchorElement>
}

function RoutedAnchor({ ref, ...props }: AnchorProps & AnchorElementProps) {
  return <Anchor component="a" ref={ref} {...props} />
}

function RoutedButton({ ref, ...props }: ButtonProps & AnchorElementProps) {
  return <Button component="a" ref={ref} {...props} />
}

/** A text link to a page of the app. */
export const AnchorLink = createLink(RoutedAnchor)
/** A button that opens a page of the app. */
export const ButtonLink = createLink(RoutedButton)
