// A role grant as every answer shows it (the signed-in user's own grants, a user's grants in administration):
// one shape, so the web reads grants the same way wherever they appear.
import type { GrantWithUnit } from '../../db/role-grants-repository.ts'

export interface GrantView {
  id: string
  role: string
  unitId: string
  unitCode: string
  unitName: string
  unitPath: string
}

export function toGrantView(grant: GrantWithUnit): GrantView {
  return {
    id: grant.grantId,
    role: grant.role,
    unitId: grant.unitId,
    unitCode: grant.unitCode,
    unitName: grant.unitName,
    unitPath: grant.unitPath,
  }
}
