// How each platform is named to a person: the shared vocabulary (src/shared is the one leaf the engine may use).
import { PLATFORM_LABELS } from '../shared/platforms.ts'
import type { Platform } from './types.ts'

export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = PLATFORM_LABELS
