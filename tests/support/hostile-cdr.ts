// A valid Asterisk Master.csv whose text columns were written by an attacker: markup, spreadsheet
// formulas, terminal escapes, control, bidirectional and zero-width characters. Valid calls carry
// them in every text column; a few rejected rows carry them in their raw line and reason detail.
// The UI, exports and (later) the evidence pack must show all of it as inert text.

export const HOSTILE_TEXT = {
  script: "<script>alert(1)</script>",
  img: "<img src=x onerror=alert(1)>",
  svg: `"><svg onload=alert(1)>`,
  hyperlink: `=HYPERLINK("http://evil.example","click")`,
  dde: `+cmd|' /C calc'!A0`,
  minus: "-2+3",
  at: "@SUM(1)",
  /** Red text, then an OSC sequence that retitles the terminal window. */
  ansi: "\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007",
  control: "ctl\u0001\u0008\u007f\u009bchar",
  /** Shown as "evilexe.txt" when the override is obeyed. */
  rightToLeft: "evil\u202etxt.exe",
  zeroWidth: "2\u200b0\u200d1\ufeff",
  tab: "tab\there",
  multiline: "=1+1\r\nsecond line",
} as const;

export type HostileKey = keyof typeof HOSTILE_TEXT;

/** Cells the file puts in a call's source and destination, which the calls export writes out. */
export const HOSTILE_KEYS = Object.keys(HOSTILE_TEXT) as HostileKey[];

/** The account code and extension of the calls to Sierra Leone, which a finding names as its subject. */
export const HOSTILE_SUBJECT = { account: HOSTILE_TEXT.rightToLeft, extension: HOSTILE_TEXT.img } as const;

/** The day (file wall clock) all calls are on. */
export const HOSTILE_DAY = "2026-03-10";

const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
const pad = (value: number) => String(value).padStart(2, "0");

type Row = {
  account: string; src: string; dst: string; context: string; callerName: string; channel: string; lastApp: string;
  lastData: string; start: string; userField: string; uniqueId: string;
};

/** One 18-column row: the 16 standard fields, uniqueid and userfield (cdr_csv loguniqueid + loguserfield). */
function asteriskRow(row: Row): string {
  return [
    row.account, row.src, row.dst, row.context, row.callerName, row.channel, "PJSIP/trunk-00000001", row.lastApp, row.lastData,
    row.start, row.start, row.start, "31", "30", "ANSWERED", "DOCUMENTATION", row.uniqueId, row.userField,
  ].map(quote).join(",");
}

const at = (minute: number) => `${HOSTILE_DAY} ${pad(9 + Math.floor(minute / 60))}:${pad(minute % 60)}:00`;

function hostileCall(key: HostileKey, index: number): string {
  const text = HOSTILE_TEXT[key];
  return asteriskRow({
    account: text, src: text, dst: text, context: text, callerName: `"${text}" <201>`, channel: `PJSIP/${text}-1`,
    lastApp: text, lastData: text, start: at(20 + index), userField: text, uniqueId: `1773100000.${100 + index}`,
  });
}

/** Six answered calls to Sierra Leone (a high-risk destination) from one hostile account and extension. */
function sierraLeoneCall(index: number): string {
  return asteriskRow({
    account: HOSTILE_SUBJECT.account, src: HOSTILE_SUBJECT.extension, dst: `01023276${String(100000 + index)}`, context: "from-internal",
    callerName: `"${HOSTILE_TEXT.script}" <${HOSTILE_TEXT.img}>`, channel: "PJSIP/201-1", lastApp: "Dial",
    lastData: `PJSIP/${HOSTILE_TEXT.svg}@trunk,60`, start: at(index), userField: HOSTILE_TEXT.hyperlink, uniqueId: `1773100000.${index}`,
  });
}

/** Another account's call abroad, so that naming the Sierra Leone calls' account says something. */
const OTHER_ACCOUNT_CALL = asteriskRow({
  account: "A0001", src: "202", dst: "010442079460000", context: "from-internal", callerName: `"Reception" <202>`, channel: "PJSIP/202-1",
  lastApp: "Dial", lastData: "PJSIP/010442079460000@trunk,60", start: at(10), userField: "", uniqueId: "1773100000.50",
});

/** Rows rejected for their start time or width, whose raw line and detail hold the hostile text. */
export const HOSTILE_REJECTED_ROWS = [
  // A raw line starting with "-" that spans lines: a spreadsheet formula unless neutralized.
  [HOSTILE_TEXT.minus, "201", "0312345678", "from-internal", `"${HOSTILE_TEXT.script}" <201>`, "PJSIP/201-1", "PJSIP/trunk-1", "Dial",
    HOSTILE_TEXT.multiline, `bad ${HOSTILE_TEXT.script}`, "", "", "31", "30", "ANSWERED", "DOCUMENTATION", "1773100000.900", HOSTILE_TEXT.img],
  // A raw line starting with a tab; a detail (the unreadable start time) starting with "=".
  ["\t=SUM(1)", "201", "0312345678", "from-internal", HOSTILE_TEXT.svg, "PJSIP/201-1", "PJSIP/trunk-1", "Dial",
    HOSTILE_TEXT.dde, HOSTILE_TEXT.hyperlink, "", "", "31", "30", "ANSWERED", "DOCUMENTATION", "1773100000.901", HOSTILE_TEXT.at],
  // Terminal escapes, control and bidirectional characters in the start time and caller name.
  [HOSTILE_TEXT.at, "201", "0312345678", "from-internal", HOSTILE_TEXT.rightToLeft, "PJSIP/201-1", "PJSIP/trunk-1", "Dial",
    HOSTILE_TEXT.control, `${HOSTILE_TEXT.ansi}${HOSTILE_TEXT.rightToLeft}`, "", "", "31", "30", "ANSWERED", "DOCUMENTATION", "1773100000.902", HOSTILE_TEXT.zeroWidth],
] as const;

/** Two columns only: rejected as the wrong width, the raw line is just the hostile text. */
const WRONG_WIDTH_ROW = [HOSTILE_TEXT.img, HOSTILE_TEXT.dde].map(quote).join(",");

/**
 * The whole file: 6 calls to Sierra Leone, 1 to the UK, one call per hostile text (that text in every
 * text column, source and destination included), then 4 rejected rows. Times are the file's wall clock.
 */
export function hostileAsteriskMaster(): string {
  const lines = [
    ...Array.from({ length: 6 }, (_, index) => sierraLeoneCall(index)),
    OTHER_ACCOUNT_CALL,
    ...HOSTILE_KEYS.map((key, index) => hostileCall(key, index)),
    ...HOSTILE_REJECTED_ROWS.map((fields) => fields.map(quote).join(",")),
    WRONG_WIDTH_ROW,
  ];
  return `${lines.join("\n")}\n`;
}

export const HOSTILE_FILE = {
  name: "hostile-Master.csv",
  calls: 6 + 1 + HOSTILE_KEYS.length,
  rejected: HOSTILE_REJECTED_ROWS.length + 1,
} as const;
