import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import type { CallDirection, NumberType } from "@/lib/ingest/normalize/call-record";

// CUCM has no direction field. Cisco's CDR guide: "If origDeviceName matches any Gateway device
// name, it designates an incoming call." Phones are named by prefix (SEP desk phones, CSF/BOT/TCT/TAB
// Jabber clients); any other named device is taken for a gateway, trunk or media resource.

const PHONE_DEVICE = /^(SEP|CSF|BOT|TCT|TAB)/i;

export type CucmLegSides = {
  originDevice: string;
  destinationDevice: string;
  sourceType: NumberType;
  destinationType: NumberType;
};

export function cucmDirection(leg: CucmLegSides): CallDirection {
  const originIsPhone = PHONE_DEVICE.test(leg.originDevice);
  const destinationIsPhone = PHONE_DEVICE.test(leg.destinationDevice);
  if (originIsPhone && destinationIsPhone) return "internal";
  // A phone calling a non-phone device at an extension-length number reaches voicemail or a conference bridge.
  if (originIsPhone && leg.destinationDevice !== "" && leg.destinationType !== "extension") return "outbound";
  if (destinationIsPhone && leg.originDevice !== "" && leg.sourceType !== "extension") return "inbound";
  return inferDirection({ sourceType: leg.sourceType, destinationType: leg.destinationType });
}
