import { VIEW_LIMITS, type ViewSettings } from "../../shared/settings";

/** The settings the −/+ buttons change. */
export type SteppedSetting = keyof typeof VIEW_LIMITS;

/**
 * How far one press of − or + moves a setting. Coarser than the stored values allow, so that
 * each press is a visible change; the limits are the shared ones the settings store enforces.
 */
export const PRESS_STEP: Record<SteppedSetting, number> = { size: 2, spacing: 0.1 };

// One decimal is all the steps need; rounding keeps 1.6 + 0.1 from becoming 1.7000000000000002.
function clamp(key: SteppedSetting, value: number): number {
  const { min, max } = VIEW_LIMITS[key];
  return Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
}

/** One press of − (direction -1) or + (1). */
export function stepSetting(settings: ViewSettings, key: SteppedSetting, direction: 1 | -1): ViewSettings {
  return { ...settings, [key]: clamp(key, settings[key] + direction * PRESS_STEP[key]) };
}

export function atLimit(settings: ViewSettings, key: SteppedSetting, direction: 1 | -1): boolean {
  return direction < 0 ? settings[key] <= VIEW_LIMITS[key].min : settings[key] >= VIEW_LIMITS[key].max;
}
