// One dialog for every destructive action (revoke, disable, reset, delete, archive): the same look, the same
// wording pattern ("what happens" + a button that names the action) and focus on Cancel, so a stray Enter
// never destroys anything.
import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { useCallback, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'

export interface ConfirmOptions {
  /** A question naming the action and its object: "Cabut token skrip laporan?" */
  title: string
  /** What will happen, in a sentence or two (what is lost, whether it can be undone). */
  message: ReactNode
  /** The confirm button names the action ("Cabut token"), never just "OK". */
  confirmLabel: string
  /** Destructive actions are red; `primary` for a weighty but harmless one. */
  tone?: 'danger' | 'primary'
}

/** Returns `confirm(options)`, which resolves true when the person confirms and false otherwise. */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const { t } = useI18n()
  return useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        modals.openConfirmModal({
          title: options.title,
          centered: true,
          withCloseButton: false,
          children: typeof options.message === 'string' ? <Text>{options.message}</Text> : options.message,
          labels: { confirm: options.confirmLabel, cancel: t('common.cancel') },
          confirmProps: { color: options.tone === 'primary' ? 'warta' : 'red' },
          cancelProps: { variant: 'default', 'data-autofocus': true },
          onConfirm: () => resolve(true),
          onCancel: () => resolve(false),
          onClose: () => resolve(false),
        })
      }),
    [t],
  )
}
