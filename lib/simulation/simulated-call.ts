// The simulator's output contract: calls as the PBX saw them, and the ground truth about which of
// them an attack (or the legitimate campaign) placed. Times are UTC milliseconds; days are Asia/Tokyo.

export type ProfileId = "office-jp-10" | "call-centre-200" | "itsp-50";

export type SimulatedDirection = "outbound" | "inbound" | "internal";
export type SimulatedDisposition = "answered" | "no_answer" | "busy" | "failed";

export type SimulatedCall = {
  /** Unique per call, Asterisk uniqueid style: "<start epoch seconds>.<sequence>". */
  callId: string;
  startedAtMs: number;
  isAnswered: boolean;
  /** From the start of the call until it was answered or given up. */
  ringSeconds: number;
  billableSeconds: number;
  /** ringSeconds + billableSeconds, as Asterisk's duration (start to hangup). */
  durationSeconds: number;
  disposition: SimulatedDisposition;
  direction: SimulatedDirection;
  /** The PBX extension on our side ("201"); for internal calls, the caller. */
  extension: string;
  /** As a Japanese PBX logs it: "0312345678", "09012345678", "010" + country code + number (both ways); internal: the callee. */
  externalNumber: string;
  /** ISO country of the other party ("JP" for domestic); null for internal and satellite numbers. */
  externalCountry: string | null;
  /** The organization's (ITSP: the account's) billed line, on which the carrier bill lists the call. */
  lineNumber: string;
  /** ITSP customer account; null for single-customer PBXs. */
  accountCode: string | null;
  /** Outbound answered calls only (0 otherwise), from the built-in rate table. */
  costYen: number;
  /** Null for normal traffic. */
  scenarioId: string | null;
};

/** A call before the simulation gives it its id (ids follow emission order). */
export type CallDraft = Omit<SimulatedCall, "callId">;

export type ReasonCode =
  | "NEW_COUNTRY"
  | "HIGH_RISK_DEST"
  | "VOLUME_SPIKE"
  | "COST_SPIKE"
  | "CONCURRENCY"
  | "OFF_HOURS"
  | "UNIFORM_SHORT_DURATION"
  | "SEQUENTIAL_BNUM"
  | "SOURCE_SHARE"
  | "ACCOUNT_VOLUME_SPIKE"
  | "WANGIRI_CALLBACK"
  | "PREMIUM_DOMESTIC";

export type ScenarioKind =
  | "sierra-leone-flood"
  | "slow-irsf-spread"
  | "weekend-night-burst"
  | "sequential-range-scan"
  | "wangiri-callbacks"
  | "compromised-extension"
  | "premium-domestic-abuse"
  | "sip-scanner-burst"
  | "satellite-calls"
  | "marketing-campaign";

export type ScenarioLabel = {
  id: string;
  kind: ScenarioKind;
  profileId: ProfileId;
  /** ITSP: the one account the scenario hits. */
  accountCode: string | null;
  /** Extensions that placed (or received) the scenario's calls. */
  extensions: string[];
  /** NaN if none of the scenario's calls fell inside the simulated period. */
  firstCallAtMs: number;
  lastCallAtMs: number;
  callCount: number;
  /** Of callCount, the calls a carrier bill lists (outbound, answered, charged). */
  billedCallCount: number;
  costYen: number;
  /** Countries of the scenario's external numbers (ISO; satellite numbers have none). */
  countries: string[];
  isAttack: boolean;
  /** Attacks: the reasons a good detector should give. The campaign: what a detector may notice at low severity, never high. */
  expectedReasons: ReasonCode[];
  description: string;
};
