// What the first-run wizard sends to POST /api/setup.

export interface SetupBody {
  instansiName: string
  slug: string
  rootUnitName: string
  rootUnitCode: string
  adminName: string
  adminEmail: string
  adminPassword: string
}
