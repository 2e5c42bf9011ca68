import type { ScenarioKind } from "@/lib/simulation/simulated-call";
import { compromisedExtensionScenario } from "./compromised-extension";
import { marketingCampaignScenario } from "./marketing-campaign";
import { premiumDomesticAbuseScenario } from "./premium-domestic-abuse";
import { satelliteCallsScenario } from "./satellite-calls";
import type { ScenarioDefinition } from "./scenario-definition";
import { sequentialRangeScanScenario } from "./sequential-range-scan";
import { sierraLeoneFloodScenario } from "./sierra-leone-flood";
import { sipScannerBurstScenario } from "./sip-scanner-burst";
import { slowIrsfSpreadScenario } from "./slow-irsf-spread";
import { wangiriCallbacksScenario } from "./wangiri-callbacks";
import { weekendNightBurstScenario } from "./weekend-night-burst";

export const SCENARIOS: Record<ScenarioKind, ScenarioDefinition> = {
  "sierra-leone-flood": sierraLeoneFloodScenario,
  "slow-irsf-spread": slowIrsfSpreadScenario,
  "weekend-night-burst": weekendNightBurstScenario,
  "sequential-range-scan": sequentialRangeScanScenario,
  "wangiri-callbacks": wangiriCallbacksScenario,
  "compromised-extension": compromisedExtensionScenario,
  "premium-domestic-abuse": premiumDomesticAbuseScenario,
  "sip-scanner-burst": sipScannerBurstScenario,
  "satellite-calls": satelliteCallsScenario,
  "marketing-campaign": marketingCampaignScenario,
};
