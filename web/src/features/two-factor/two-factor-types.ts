// What the 2FA enrolment reads from the API.

export interface Enrolment {
  secret: string
  otpauthUri?: string
  qrDataUrl?: string
}

export interface RecoveryCodesAnswer {
  recoveryCodes: string[]
}
