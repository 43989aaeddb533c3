/**
 * JSON Schema formats as regular expressions every dialect reads alike (POSIX syntax: no `\d`, no
 * `(?:`, no lazy quantifiers). Each is a necessary condition of ajv-formats' check in its full mode,
 * so a row they flag is one file lint flags too; where ajv checks more (calendar dates, the whole
 * URI grammar) some invalid values pass. docs/warehouse.md lists what each leaves out.
 */
export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  // ajv-formats' full email pattern, its /i spelled out as both cases.
  email:
    "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$",
  // Month and day in range (any day 1-31 in any month), the time's shape (ajv's leap-second rule
  // lets some hours past 23 through), and a time zone, which ajv requires.
  'date-time': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]).[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$',
  date: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  // A scheme, then printable ASCII without spaces: ajv's URI grammar allows nothing else.
  uri: '^[A-Za-z][A-Za-z0-9+.-]*:[!-~]*$',
  uuid: '^(urn:uuid:)?[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$',
};
