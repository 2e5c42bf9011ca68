import type { DetectionRule } from "@/lib/detection/detection-rule";
import { concurrencyRule } from "@/lib/detection/rules/concurrency";
import { costSpikeRule } from "@/lib/detection/rules/cost-spike";
import { highRiskDestinationRule } from "@/lib/detection/rules/high-risk-destination";
import { internationalVolumeSpikeRule } from "@/lib/detection/rules/international-volume-spike";
import { newDestinationCountryRule } from "@/lib/detection/rules/new-destination-country";
import { offHoursInternationalRule } from "@/lib/detection/rules/off-hours-international";
import { premiumRateRule } from "@/lib/detection/rules/premium-rate";
import { sequentialDiallingRule } from "@/lib/detection/rules/sequential-dialling";
import { sourceShareRule } from "@/lib/detection/rules/source-share";
import { sourceVolumeSpikeRule } from "@/lib/detection/rules/source-volume-spike";
import { uniformShortDurationRule } from "@/lib/detection/rules/uniform-short-duration";
import { wangiriRule } from "@/lib/detection/rules/wangiri";

export const DETECTION_RULES: readonly DetectionRule[] = [
  internationalVolumeSpikeRule,
  newDestinationCountryRule,
  highRiskDestinationRule,
  uniformShortDurationRule,
  offHoursInternationalRule,
  concurrencyRule,
  sequentialDiallingRule,
  sourceShareRule,
  sourceVolumeSpikeRule,
  costSpikeRule,
  wangiriRule,
  premiumRateRule,
];
