// The written notice of UU KIP Pasal 22(7) (rules.md §3, §12 A 3–4): points a–g, which of them apply, and the
// Pasal 17 exemptions a refusal or a redaction must cite. Pure: the case feature checks a notice with this before
// it may be sent.

/** Pasal 17 a–j: the grounds on which information is exempt. */
export const PASAL_17_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const
export type Pasal17Code = (typeof PASAL_17_CODES)[number]

export const KIP_DECISIONS = ['granted', 'partially_granted', 'refused', 'not_held'] as const
export type KipDecision = (typeof KIP_DECISIONS)[number]

/** A Pasal 17 citation: the letter, optionally its numbered sub-item ('h' + '2'), and the written reason. */
export interface Exemption {
  code: Pasal17Code | null
  subItem?: string | null | undefined
  reason: string
}

export interface Redaction {
  /** Which part is blacked out (dihitamkan). */
  part: string
  exemption: Exemption
}

export interface KipNotice {
  /** (a) whether the information is held. */
  held?: boolean | null | undefined
  /** (b) the agency that holds it, when not held here; holderUnknown when that is not known either. */
  holderAgency?: string | null | undefined
  holderUnknown?: boolean | null | undefined
  /** (c) acceptance or refusal; a refusal cites Pasal 17. */
  decision?: KipDecision | null | undefined
  refusalGrounds?: readonly Exemption[] | null | undefined
  /** (d) the material to be given. */
  material?: string | null | undefined
  /** (e) exempt parts blacked out, with reasons. */
  redactions?: readonly Redaction[] | null | undefined
  /** (f) delivery method and format. */
  deliveryMethod?: string | null | undefined
  deliveryFormat?: string | null | undefined
  /** (g) cost (0 when free) and payment method. */
  cost?: number | null | undefined
  paymentMethod?: string | null | undefined
}

/** The notice's points, Pasal 22(7) a–g. */
export const NOTICE_POINTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const
export type NoticePoint = (typeof NOTICE_POINTS)[number]

export interface NoticeProblem {
  point: NoticePoint
  /** The notice field that is missing or wrong ('cost', 'refusalGrounds.0.code', …). */
  field: string
  problem: 'missing' | 'pasal_17_code' | 'inconsistent'
}

const filled = (text: string | null | undefined): boolean => typeof text === 'string' && text.trim() !== ''

function exemptionProblems(exemption: Exemption, field: string, point: NoticePoint): NoticeProblem[] {
  const problems: NoticeProblem[] = []
  if (exemption.code === null || !PASAL_17_CODES.includes(exemption.code))
    problems.push({ point, field: `${field}.code`, problem: 'pasal_17_code' })
  if (!filled(exemption.reason)) problems.push({ point, field: `${field}.reason`, problem: 'missing' })
  return problems
}

/**
 * What keeps a notice from being sent, in point order; empty when every applicable point is filled. Which points
 * apply follows from (a) and (c): information not held needs (b); a refusal needs its Pasal 17 grounds; material,
 * delivery and cost (d, f, g) apply when something is given; redactions (e) when it is given in part.
 */
export function noticeProblems(notice: KipNotice): NoticeProblem[] {
  const problems: NoticeProblem[] = []
  if (typeof notice.held !== 'boolean') problems.push({ point: 'a', field: 'held', problem: 'missing' })
  if (notice.held === false && !filled(notice.holderAgency) && notice.holderUnknown !== true)
    problems.push({ point: 'b', field: 'holderAgency', problem: 'missing' })
  if (!notice.decision) problems.push({ point: 'c', field: 'decision', problem: 'missing' })
  else if ((notice.held === false) !== (notice.decision === 'not_held'))
    problems.push({ point: 'c', field: 'decision', problem: 'inconsistent' })
  const decision = notice.decision
  if (decision === 'refused') {
    const grounds = notice.refusalGrounds ?? []
    if (grounds.length === 0) problems.push({ point: 'c', field: 'refusalGrounds', problem: 'pasal_17_code' })
    grounds.forEach((ground, index) =>
      problems.push(...exemptionProblems(ground, `refusalGrounds.${index}`, 'c')),
    )
  }
  const gives = decision === 'granted' || decision === 'partially_granted'
  if (gives && !filled(notice.material)) problems.push({ point: 'd', field: 'material', problem: 'missing' })
  if (decision === 'partially_granted') {
    const redactions = notice.redactions ?? []
    if (redactions.length === 0) problems.push({ point: 'e', field: 'redactions', problem: 'missing' })
    redactions.forEach((redaction, index) => {
      if (!filled(redaction.part))
        problems.push({ point: 'e', field: `redactions.${index}.part`, problem: 'missing' })
      problems.push(...exemptionProblems(redaction.exemption, `redactions.${index}.exemption`, 'e'))
    })
  }
  if (gives) {
    if (!filled(notice.deliveryMethod))
      problems.push({ point: 'f', field: 'deliveryMethod', problem: 'missing' })
    if (!filled(notice.deliveryFormat))
      problems.push({ point: 'f', field: 'deliveryFormat', problem: 'missing' })
    if (typeof notice.cost !== 'number' || !Number.isFinite(notice.cost) || notice.cost < 0)
      problems.push({ point: 'g', field: 'cost', problem: 'missing' })
    else if (notice.cost > 0 && !filled(notice.paymentMethod))
      problems.push({ point: 'g', field: 'paymentMethod', problem: 'missing' })
  }
  return problems
}

/** A citation as the notice prints it: 'Pasal 17 huruf h angka 2'. */
export function citePasal17(exemption: Exemption): string {
  const base = `Pasal 17 huruf ${exemption.code ?? '?'}`
  return filled(exemption.subItem) ? `${base} angka ${exemption.subItem!.trim()}` : base
}
