import { perMinute, type Rate } from "./rate-table";

// Foreign destinations the simulation dials: calling code, the name a Japanese statement prints,
// a tariff, and national-number patterns (see fill-number-pattern.ts) that libphonenumber accepts.
// Keys are ISO countries, except "THURAYA", a satellite network (+882 16) with no country.

export type InternationalDestination = {
  country: string | null;
  callingCode: string;
  nameJa: string;
  rate: Rate;
  patterns: readonly string[];
};

const destination = (country: string | null, callingCode: string, nameJa: string, rate: Rate, patterns: string[]): InternationalDestination =>
  ({ country, callingCode, nameJa, rate, patterns });

export const INTERNATIONAL_DESTINATIONS = {
  // Ordinary business partners.
  US: destination("US", "1", "アメリカ合衆国", perMinute(9), ["212N######", "415N######", "650N######", "213N######", "312N######", "617N######", "206N######"]),
  CA: destination("CA", "1", "カナダ", perMinute(9), ["416N######", "604N######"]),
  CN: destination("CN", "86", "中国", perMinute(30), ["13#########", "15#########", "10N#######", "21N#######"]),
  KR: destination("KR", "82", "韓国", perMinute(30), ["2N#######", "10N#######"]),
  TW: destination("TW", "886", "台湾", perMinute(30), ["2N#######", "9########"]),
  HK: destination("HK", "852", "香港", perMinute(30), ["2#######", "9#######"]),
  SG: destination("SG", "65", "シンガポール", perMinute(30), ["6#######", "9#######"]),
  GB: destination("GB", "44", "イギリス", perMinute(20), ["207#######"]),
  DE: destination("DE", "49", "ドイツ", perMinute(20), ["30N#######"]),
  FR: destination("FR", "33", "フランス", perMinute(20), ["14#######"]),
  AU: destination("AU", "61", "オーストラリア", perMinute(20), ["29#######", "39#######"]),
  PH: destination("PH", "63", "フィリピン", perMinute(50), ["28#######", "917#######"]),
  TH: destination("TH", "66", "タイ", perMinute(40), ["2N######"]),
  VN: destination("VN", "84", "ベトナム", perMinute(60), ["283#######", "243#######"]),
  MY: destination("MY", "60", "マレーシア", perMinute(40), ["32#######"]),
  ID: destination("ID", "62", "インドネシア", perMinute(60), ["213######"]),
  IN: destination("IN", "91", "インド", perMinute(60), ["226#######"]),
  BR: destination("BR", "55", "ブラジル", perMinute(60), ["113#######"]),
  IT: destination("IT", "39", "イタリア", perMinute(30), ["06########"]),
  CH: destination("CH", "41", "スイス", perMinute(30), ["44N######"]),
  BE: destination("BE", "32", "ベルギー", perMinute(30), ["2N######"]),
  SE: destination("SE", "46", "スウェーデン", perMinute(20), ["8########"]),
  // Destinations of fraud reports (research §4.1) and Wangiri origins.
  SL: destination("SL", "232", "シエラレオネ", { unitSeconds: 6, yenPerUnit: 29.17 }, ["76######"]),
  GN: destination("GN", "224", "ギニア", perMinute(150), ["622######"]),
  LT: destination("LT", "370", "リトアニア", perMinute(150), ["6#######"]),
  LV: destination("LV", "371", "ラトビア", perMinute(150), ["2#######"]),
  CU: destination("CU", "53", "キューバ", perMinute(260), ["5#######"]),
  SO: destination("SO", "252", "ソマリア", perMinute(300), ["61#######"]),
  TN: destination("TN", "216", "チュニジア", perMinute(140), ["2#######"]),
  MV: destination("MV", "960", "モルディブ", perMinute(250), ["7######"]),
  DO: destination("DO", "1", "ドミニカ共和国", perMinute(50), ["809N######"]),
  MA: destination("MA", "212", "モロッコ", perMinute(120), ["52#######"]),
  LK: destination("LK", "94", "スリランカ", perMinute(120), ["11N######"]),
  PG: destination("PG", "675", "パプアニューギニア", { unitSeconds: 30, yenPerUnit: 249 }, ["7#######"]),
  TV: destination("TV", "688", "ツバル", perMinute(400), ["90####"]),
  THURAYA: destination(null, "882", "衛星電話(スラーヤ)", perMinute(1000), ["16########"]),
} satisfies Record<string, InternationalDestination>;

export type InternationalDestinationId = keyof typeof INTERNATIONAL_DESTINATIONS;
